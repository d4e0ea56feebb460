/**
 * Deliberately modest observability, deployed last: an encrypted alarm topic, an alarm on every dead-letter queue
 * (any message there means work that will not happen without an operator), an alarm on API 5xx responses, an alarm
 * per alert log message (payments needing reconciliation, disbursements needing attention, stalled projects), and
 * one dashboard. Operators subscribe to the topic out of band.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import type { MonitoredDeadLetterQueue } from './integrations-stack.ts';

/** Period over which a DLQ's depth is sampled; one visible message in one period raises the alarm. */
export const DEAD_LETTER_ALARM_PERIOD = Duration.minutes(1);
/** 5xx responses tolerated in one period before paging: a few transient errors are retried by clients. */
export const API_SERVER_ERROR_ALARM_THRESHOLD = 5;
export const API_SERVER_ERROR_ALARM_PERIOD = Duration.minutes(5);

export interface ObservabilityStackProps extends StackProps {
  /** Encrypts the alarm topic. */
  readonly messagingKey: kms.IKey;
  readonly deadLetterQueues: readonly MonitoredDeadLetterQueue[];
  /**
   * The API whose server errors raise an alarm.
   * @default - no API alarm
   */
  readonly api?: apigateway.RestApi;
  /**
   * For each alert log message, the log groups of the functions that log it (the payment webhook logs payments
   * needing reconciliation, and so on). An alert with no log group gets no alarm.
   * @default - none
   */
  readonly alertLogGroups?: Partial<Readonly<Record<AlertName, readonly logs.ILogGroup[]>>>;
}

type AlertName = keyof typeof ALERT_LOG_MESSAGES;

/** The metric each alert's log lines are counted into, and what its alarm tells the operator. */
export const ALERT_ALARMS: Readonly<Record<AlertName, { readonly metricName: string; readonly description: string }>> = {
  paymentNeedsReconciliation: {
    metricName: 'PaymentsNeedingReconciliation',
    description:
      'The payment gateway reported money that matched no payable intent (held in suspense: GET /v1/ops/reconciliation/items), or an outcome that contradicts a settled payment: reconcile it (see the ERROR log line naming it).',
  },
  disbursementNeedsAttention: {
    metricName: 'DisbursementsNeedingAttention',
    description: 'A transfer to a contractor failed after it was sent, came back after it settled, or contradicts the ledger: the contractor is owed it again (see the ERROR log line naming the transfer).',
  },
  refundFailed: {
    metricName: 'RefundsFailed',
    description: "The gateway could not refund a cancelled project's down payment: it is still held in DOWN_PAYMENT_HELD and owed to the customer; return it by another channel (see the ERROR log line naming the refund).",
  },
  projectStalled: {
    metricName: 'ProjectsStalled',
    description: 'An installation project overstayed its stage (notice to proceed → M1, or M1 → M2): review it, and end it early if it will not finish (see the ERROR log line naming it).',
  },
};

/** Namespace of the metrics our own log filters publish. */
export const RABHAN_METRIC_NAMESPACE = 'Rabhan';
export const RECONCILIATION_METRIC_NAME = ALERT_ALARMS.paymentNeedsReconciliation.metricName;

export class ObservabilityStack extends Stack {
  readonly alarmTopic: sns.Topic;
  readonly deadLetterAlarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'RABHAN alarms',
      masterKey: props.messagingKey,
      enforceSSL: true,
    });
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*` },
          StringEquals: { 'aws:SourceAccount': this.account },
        },
      }),
    );
    const alarmAction = new actions.SnsAction(this.alarmTopic);

    this.deadLetterAlarms = props.deadLetterQueues.map(({ name, queue }) => {
      const alarm = new cloudwatch.Alarm(this, `DeadLetters-${name}`, {
        alarmDescription: `Messages are waiting in the ${name} dead-letter queue: inspect, fix and re-drive them.`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: DEAD_LETTER_ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(alarmAction);
      alarm.addOkAction(alarmAction);
      return alarm;
    });

    const widgets: cloudwatch.IWidget[] = [
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queue depth',
        left: props.deadLetterQueues.map(({ name, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: DEAD_LETTER_ALARM_PERIOD, statistic: cloudwatch.Stats.MAXIMUM, label: name }),
        ),
      }),
    ];
    if (props.api !== undefined) {
      const serverErrors = props.api.metricServerError({ period: API_SERVER_ERROR_ALARM_PERIOD, statistic: cloudwatch.Stats.SUM });
      const alarm = new cloudwatch.Alarm(this, 'ApiServerErrors', {
        alarmDescription: 'The API answered with 5xx responses above the tolerated rate.',
        metric: serverErrors,
        threshold: API_SERVER_ERROR_ALARM_THRESHOLD,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(alarmAction);
      widgets.push(
        new cloudwatch.GraphWidget({
          title: 'API requests and errors',
          left: [props.api.metricCount({ statistic: cloudwatch.Stats.SUM }), props.api.metricClientError(), serverErrors],
        }),
        new cloudwatch.GraphWidget({ title: 'API latency p99', left: [props.api.metricLatency({ statistic: cloudwatch.Stats.p(99) })] }),
      );
    }
    for (const [alert, logGroups] of Object.entries(props.alertLogGroups ?? {}) as [AlertName, readonly logs.ILogGroup[]][]) {
      if (logGroups.length === 0) continue;
      const { metricName, description } = ALERT_ALARMS[alert];
      logGroups.forEach(
        (logGroup, index) =>
          new logs.MetricFilter(this, `${metricName}Filter${index}`, {
            logGroup,
            filterPattern: logs.FilterPattern.stringValue('$.message', '=', ALERT_LOG_MESSAGES[alert]),
            metricNamespace: RABHAN_METRIC_NAMESPACE,
            metricName,
            metricValue: '1',
          }),
      );
      const metric = new cloudwatch.Metric({ namespace: RABHAN_METRIC_NAMESPACE, metricName, statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) });
      const alarm = new cloudwatch.Alarm(this, metricName, {
        alarmDescription: description,
        metric,
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(alarmAction);
    }
    new cloudwatch.Dashboard(this, 'Dashboard', { widgets: [widgets] });
  }
}

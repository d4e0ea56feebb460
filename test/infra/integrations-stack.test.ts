import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ALARMS, RABHAN_METRIC_NAMESPACE, RECONCILIATION_METRIC_NAME } from '../../lib/stacks/observability-stack.ts';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { OUTBOX_PUBLISHER_HANDLER_ENTRY, OUTBOX_STREAM_FILTER_PATTERN } from '../../shared/kernel/messaging/outbox.ts';
import { integrationList, VISIBILITY_TIMEOUT_TO_FUNCTION_TIMEOUT_RATIO } from '../../shared/catalog/integrations.ts';
import { OUTBOX_PIPE_SETTINGS } from '../../lib/constructs/outbox-pipe.ts';
import { FUNCTION_ARCHITECTURE, FUNCTION_RUNTIME } from '../../lib/constructs/rabhan-function.ts';
import { INTEGRATION_TAG, SCHEDULED_JOB_RETRY_ATTEMPTS } from '../../lib/stacks/integrations-stack.ts';
import { scheduledJobList } from '../../shared/catalog/schedules.ts';
import {
  actionsOf,
  buildTestApp,
  functionsByHandlerEntry,
  resourcesOfType,
  statementsOfFunction,
  tagValue,
  templateOf,
  type CfnResourceJson,
} from './support/test-app.ts';

const SECONDS_PER_DAY = 24 * 60 * 60;

describe('the integrations stack', () => {
  let template: Template;
  let observability: Template;

  beforeAll(() => {
    const { stacks } = buildTestApp();
    template = templateOf(stacks.integrations);
    observability = templateOf(stacks.observability);
  });

  /** The integration's main queue and DLQ, found by tag and by the redrive relation between them. */
  function queuesOf(integrationId: string): { queueId: string; queue: CfnResourceJson; deadLetterQueueId: string; deadLetterQueue: CfnResourceJson } {
    const tagged = [...resourcesOfType(template, 'AWS::SQS::Queue')].filter(([, queue]) => tagValue(queue, INTEGRATION_TAG) === integrationId);
    const main = tagged.find(([, queue]) => queue.Properties.RedrivePolicy !== undefined);
    const dead = tagged.find(([, queue]) => queue.Properties.RedrivePolicy === undefined);
    if (main === undefined || dead === undefined || tagged.length !== 2) throw new Error(`Expected a queue and a DLQ for ${integrationId}`);
    return { queueId: main[0], queue: main[1], deadLetterQueueId: dead[0], deadLetterQueue: dead[1] };
  }

  it('gives every integration a KMS-encrypted queue whose DLQ takes messages after maxReceiveCount deliveries', () => {
    for (const integration of integrationList) {
      // Arrange and Act
      const { queue, deadLetterQueueId, deadLetterQueue } = queuesOf(integration.id);

      // Assert
      expect(queue.Properties).toMatchObject({
        KmsMasterKeyId: expect.anything(),
        MessageRetentionPeriod: integration.queue.retentionDays * SECONDS_PER_DAY,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] }, maxReceiveCount: integration.queue.maxReceiveCount },
      });
      expect(deadLetterQueue.Properties).toMatchObject({ KmsMasterKeyId: queue.Properties.KmsMasterKeyId });
    }
  });

  it('keeps each message invisible for at least six times the consumer timeout while it is being processed', () => {
    for (const integration of integrationList) {
      // Arrange
      const { queue } = queuesOf(integration.id);

      // Act
      const visibilityTimeoutSeconds = queue.Properties.VisibilityTimeout as number;

      // Assert
      expect(visibilityTimeoutSeconds).toBeGreaterThanOrEqual(VISIBILITY_TIMEOUT_TO_FUNCTION_TIMEOUT_RATIO * integration.functionTimeoutSeconds);
      const consumer = functionsByHandlerEntry(template).get(integration.handlerEntry);
      expect(consumer?.resource.Properties.Timeout).toBe(integration.functionTimeoutSeconds);
    }
  });

  it('refuses unencrypted transport to every queue and admits only its own rule to send', () => {
    for (const integration of integrationList) {
      // Arrange
      const { queueId, deadLetterQueueId } = queuesOf(integration.id);
      const ruleId = new Capture();
      template.hasResourceProperties('AWS::Events::Rule', {
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } })],
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } } }),
          ]),
        },
      });

      // Act
      const policies = [...resourcesOfType(template, 'AWS::SQS::QueuePolicy').values()].filter((policy) =>
        [queueId, deadLetterQueueId].includes((policy.Properties.Queues as Array<{ Ref: string }>)[0]?.Ref ?? ''),
      );

      // Assert
      expect(policies).toHaveLength(2);
      for (const policy of policies) {
        const statements = (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement;
        expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
        expect(statements.filter((statement) => statement.Effect === 'Allow').every((statement) => statement.Condition !== undefined)).toBe(true);
      }
      expect(resourcesOfType(template, 'AWS::Events::Rule').has(ruleId.asString())).toBe(true);
    }
  });

  it("routes each integration's event pattern from the platform bus to its queue, dead-lettering failed deliveries", () => {
    for (const integration of integrationList) {
      // Arrange
      const { queueId, deadLetterQueueId } = queuesOf(integration.id);

      // Act and Assert
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { 'Fn::ImportValue': Match.stringLikeRegexp('EventBus') },
        EventPattern: { source: integration.eventPattern.source, 'detail-type': integration.eventPattern.detailType },
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [queueId, 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] } },
          }),
        ],
      });
    }
  });

  it('drains each queue with its own arm64 nodejs22.x consumer, reporting partial batch failures, at bounded concurrency', () => {
    for (const integration of integrationList) {
      // Arrange
      const { queueId } = queuesOf(integration.id);
      const consumer = functionsByHandlerEntry(template).get(integration.handlerEntry);
      if (consumer === undefined) throw new Error(`No consumer for ${integration.id}`);

      // Act
      const statements = statementsOfFunction(template, consumer.resource);

      // Assert
      expect(consumer.resource.Properties).toMatchObject({
        Architectures: [FUNCTION_ARCHITECTURE.name],
        Runtime: FUNCTION_RUNTIME.name,
        TracingConfig: { Mode: 'Active' },
      });
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        FunctionName: { Ref: consumer.logicalId },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: integration.maximumConcurrency },
        BatchSize: integration.queue.batchSize,
        MaximumBatchingWindowInSeconds: integration.queue.maxBatchingWindowSeconds,
      });
      expect([...actionsOf(statements)]).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']));
    }
  });

  it('lets only consumers that declare queue:send-dead-letter send to their own DLQ', () => {
    for (const integration of integrationList) {
      // Arrange
      const { deadLetterQueueId } = queuesOf(integration.id);
      const consumer = functionsByHandlerEntry(template).get(integration.handlerEntry);

      // Act
      const sendsToDeadLetterQueue = statementsOfFunction(template, consumer!.resource).some(
        (statement) => [statement.Action].flat().includes('sqs:SendMessage') && JSON.stringify(statement.Resource).includes(deadLetterQueueId),
      );

      // Assert
      expect(sendsToDeadLetterQueue, integration.id).toBe(integration.permissions.includes('queue:send-dead-letter'));
    }
  });

  it('relays outbox items with a Pipe from the table stream, filtered by OUTBOX_STREAM_FILTER_PATTERN, to the outbox publisher', () => {
    // Arrange
    const filter = new Capture();
    const roleId = new Capture();
    const deadLetterQueueId = new Capture();
    const publisher = functionsByHandlerEntry(template).get(OUTBOX_PUBLISHER_HANDLER_ENTRY);

    // Act
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
      Source: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
      SourceParameters: {
        FilterCriteria: { Filters: [{ Pattern: filter }] },
        DynamoDBStreamParameters: {
          StartingPosition: OUTBOX_PIPE_SETTINGS.startingPosition,
          BatchSize: OUTBOX_PIPE_SETTINGS.batchSize,
          MaximumRetryAttempts: OUTBOX_PIPE_SETTINGS.maximumRetryAttempts,
          MaximumRecordAgeInSeconds: OUTBOX_PIPE_SETTINGS.maximumRecordAgeSeconds,
          MaximumBatchingWindowInSeconds: OUTBOX_PIPE_SETTINGS.maximumBatchingWindowSeconds,
          ParallelizationFactor: OUTBOX_PIPE_SETTINGS.parallelizationFactor,
          OnPartialBatchItemFailure: OUTBOX_PIPE_SETTINGS.onPartialBatchItemFailure,
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] } },
        },
      },
      Target: { 'Fn::GetAtt': [publisher!.logicalId, 'Arn'] },
      TargetParameters: { LambdaFunctionParameters: { InvocationType: 'REQUEST_RESPONSE' } },
    });

    // Assert
    expect(JSON.parse(filter.asString())).toEqual(OUTBOX_STREAM_FILTER_PATTERN);
    expect(resourcesOfType(template, 'AWS::IAM::Role').get(roleId.asString())?.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [expect.objectContaining({ Principal: { Service: 'pipes.amazonaws.com' } })],
    });
    expect(resourcesOfType(template, 'AWS::SQS::Queue').get(deadLetterQueueId.asString())?.Properties).toMatchObject({ KmsMasterKeyId: expect.anything() });
    expect([...actionsOf(statementsOfFunction(template, publisher!.resource))]).toContain('events:PutEvents');
  });

  it('gives the Pipe role only stream reads, the publisher invocation and its DLQ', () => {
    // Arrange
    const roleId = new Capture();
    template.hasResourceProperties('AWS::Pipes::Pipe', { RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } });

    // Act
    const policies = [...resourcesOfType(template, 'AWS::IAM::ManagedPolicy').values()].filter((policy) =>
      (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId.asString()),
    );
    const actions = actionsOf(policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement));

    // Assert
    expect([...actions].sort()).toEqual(
      [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'lambda:InvokeFunction',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:SendMessage',
      ].sort(),
    );
  });

  it('creates no inline IAM policy, so every grant is a reviewable managed policy', () => {
    // Arrange and Act
    const inline = template.findResources('AWS::IAM::Policy');

    // Assert
    expect(inline).toEqual({});
  });

  it('raises an alarm to the encrypted alarm topic as soon as any dead-letter queue holds a message', () => {
    // Arrange
    const topicId = new Capture();
    const expectedQueues = integrationList.length + 1;

    // Act
    const alarms = [...resourcesOfType(observability, 'AWS::CloudWatch::Alarm').values()].filter(
      (alarm) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    observability.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      AlarmActions: [{ Ref: topicId }],
    });

    // Assert
    expect(alarms).toHaveLength(expectedQueues);
    expect(resourcesOfType(observability, 'AWS::SNS::Topic').get(topicId.asString())?.Properties).toMatchObject({ KmsMasterKeyId: expect.anything() });
  });

  it('raises an alarm for every alert log line: payments needing reconciliation, disbursements needing attention, stalled projects', () => {
    // Arrange
    const filters = [...resourcesOfType(observability, 'AWS::Logs::MetricFilter').values()];
    const alarms = [...resourcesOfType(observability, 'AWS::CloudWatch::Alarm').values()];

    // Act and Assert
    expect(RECONCILIATION_METRIC_NAME).toBe(ALERT_ALARMS.paymentNeedsReconciliation.metricName);
    expect(filters).toHaveLength(Object.keys(ALERT_LOG_MESSAGES).length);
    for (const [alert, message] of Object.entries(ALERT_LOG_MESSAGES) as [keyof typeof ALERT_LOG_MESSAGES, string][]) {
      const { metricName } = ALERT_ALARMS[alert];
      const filter = filters.find((candidate) => JSON.stringify(candidate.Properties.MetricTransformations).includes(`"${metricName}"`));
      expect(filter?.Properties, alert).toMatchObject({
        FilterPattern: `{ $.message = "${message}" }`,
        MetricTransformations: [{ MetricNamespace: RABHAN_METRIC_NAMESPACE, MetricName: metricName, MetricValue: '1' }],
      });
      const alarm = alarms.find((candidate) => candidate.Properties.MetricName === metricName);
      expect(alarm?.Properties, alert).toMatchObject({ Namespace: RABHAN_METRIC_NAMESPACE, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [expect.anything()] });
    }
  });
});

describe('scheduled jobs', () => {
  it('invoke each job from the schedule table on its EventBridge schedule, with bounded retries', () => {
    const template = templateOf(buildTestApp().stacks.integrations);

    for (const job of scheduledJobList) {
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: job.scheduleExpression,
        Targets: Match.arrayWith([Match.objectLike({ RetryPolicy: Match.objectLike({ MaximumRetryAttempts: SCHEDULED_JOB_RETRY_ATTEMPTS }) })]),
      });
      expect(functionsByHandlerEntry(template).has(job.handlerEntry)).toBe(true);
    }
  });
});

/**
 * Asynchronous work, built from the integration table: for each integration an EventBridge rule on the platform
 * bus feeds an encrypted SQS queue (with a DLQ) drained by one consumer function. Plus the outbox Pipe that puts
 * new outbox items from the table stream on the bus.
 */
import { Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { integrationList, queueVisibilityTimeoutSeconds, type IntegrationDefinition } from '../../shared/catalog/integrations.ts';
import { scheduledJobList, type ScheduledJobDefinition } from '../../shared/catalog/schedules.ts';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { OutboxPipe } from '../constructs/outbox-pipe.ts';
import { RabhanFunction, type BundlingMode, type PlatformBindings } from '../constructs/rabhan-function.ts';

/** SQS maximum: poison messages stay for inspection and re-drive as long as SQS allows. */
export const DEAD_LETTER_RETENTION = Duration.days(14);
/** EventBridge's own retries of a failed delivery to the queue (its default) before the event goes to the DLQ. */
export const RULE_TARGET_RETRY_ATTEMPTS = 185;
export const RULE_TARGET_MAX_EVENT_AGE = Duration.hours(24);
/** Tag naming the integration a queue serves; operators and tests find queues by it. */
export const INTEGRATION_TAG = 'rabhan:integration';

export interface IntegrationsStackProps extends StackProps {
  readonly platform: PlatformBindings;
  /** Encrypts the queues and DLQs. */
  readonly messagingKey: kms.IKey;
  /**
   * Integrations to build.
   * @default integrationList from shared/catalog/integrations.ts
   */
  readonly integrations?: readonly IntegrationDefinition[];
  /**
   * Scheduled jobs to build.
   * @default scheduledJobList from shared/catalog/schedules.ts
   */
  readonly scheduledJobs?: readonly ScheduledJobDefinition[];
  /** @default - the `rabhan:bundling` context value, else esbuild */
  readonly bundling?: BundlingMode;
}

export interface IntegrationResources {
  readonly definition: IntegrationDefinition;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly rule: events.Rule;
  readonly consumer: RabhanFunction;
  readonly eventSourceMapping: lambda.EventSourceMapping;
}

/** A dead-letter queue worth an alarm, with a name for the alarm. */
export interface MonitoredDeadLetterQueue {
  readonly name: string;
  readonly queue: sqs.IQueue;
}

/**
 * Delivers a rule's events to a queue, with the queue's DLQ catching deliveries EventBridge gives up on. Unlike
 * aws-events-targets.SqsQueue, which for an encrypted queue admits any rule in the account, both queue policies
 * admit only this rule. (The messaging key admits EventBridge for this account, see the stateful stack.)
 */
class RuleOnlyQueueTarget implements events.IRuleTarget {
  constructor(
    private readonly queue: sqs.IQueue,
    private readonly deadLetterQueue: sqs.IQueue,
  ) {}

  bind(rule: events.IRule): events.RuleTargetConfig {
    for (const queue of [this.queue, this.deadLetterQueue]) {
      queue.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [queue.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
        }),
      );
    }
    return {
      arn: this.queue.queueArn,
      targetResource: this.queue,
      deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      retryPolicy: { maximumRetryAttempts: RULE_TARGET_RETRY_ATTEMPTS, maximumEventAgeInSeconds: RULE_TARGET_MAX_EVENT_AGE.toSeconds() },
    };
  }
}

/** `simah-credit-assessment` → `SimahCreditAssessment`, for construct ids. */
export function constructIdFor(integrationId: string): string {
  return integrationId
    .split('-')
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
}

/** A missed run is retried a couple of times; jobs are idempotent and the next scheduled run catches up anyway. */
export const SCHEDULED_JOB_RETRY_ATTEMPTS = 2;

export interface ScheduledJobResources {
  readonly definition: ScheduledJobDefinition;
  readonly function: RabhanFunction;
  readonly rule: events.Rule;
}

export class IntegrationsStack extends Stack {
  readonly scheduledJobs: readonly ScheduledJobResources[];
  readonly integrations: readonly IntegrationResources[];
  readonly outboxPipe: OutboxPipe;
  readonly deadLetterQueues: readonly MonitoredDeadLetterQueue[];

  constructor(scope: Construct, id: string, props: IntegrationsStackProps) {
    super(scope, id, props);
    const definitions = props.integrations ?? integrationList;
    this.integrations = definitions.map((definition) => this.buildIntegration(definition, props));
    this.outboxPipe = new OutboxPipe(this, 'OutboxPipe', {
      platform: props.platform,
      table: props.platform.table,
      messagingKey: props.messagingKey,
      ...(props.bundling === undefined ? {} : { bundling: props.bundling }),
    });
    this.scheduledJobs = (props.scheduledJobs ?? scheduledJobList).map((job) => this.buildScheduledJob(job, props));
    this.deadLetterQueues = [
      ...this.integrations.map((integration) => ({ name: integration.definition.id, queue: integration.deadLetterQueue })),
      { name: 'outbox-pipe', queue: this.outboxPipe.deadLetterQueue },
    ];
  }

  /** An EventBridge schedule (on the default bus, where schedules live) invoking the job's function. */
  private buildScheduledJob(job: ScheduledJobDefinition, props: IntegrationsStackProps): ScheduledJobResources {
    const id = constructIdFor(job.id);
    const jobFunction = new RabhanFunction(this, `${id}Job`, {
      handlerEntry: job.handlerEntry,
      description: job.description,
      platform: props.platform,
      permissions: job.permissions,
      timeout: Duration.seconds(job.functionTimeoutSeconds),
      ...(props.bundling === undefined ? {} : { bundling: props.bundling }),
    });
    const rule = new events.Rule(this, `${id}Schedule`, {
      description: job.description.slice(0, 512),
      schedule: events.Schedule.expression(job.scheduleExpression),
    });
    rule.addTarget(new targets.LambdaFunction(jobFunction.function, { retryAttempts: SCHEDULED_JOB_RETRY_ATTEMPTS }));
    return { definition: job, function: jobFunction, rule };
  }

  private buildIntegration(definition: IntegrationDefinition, props: IntegrationsStackProps): IntegrationResources {
    const id = constructIdFor(definition.id);
    const queueEncryption = { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: props.messagingKey, enforceSSL: true };
    const deadLetterQueue = new sqs.Queue(this, `${id}DeadLetterQueue`, { ...queueEncryption, retentionPeriod: DEAD_LETTER_RETENTION });
    const queue = new sqs.Queue(this, `${id}Queue`, {
      ...queueEncryption,
      retentionPeriod: Duration.days(definition.queue.retentionDays),
      visibilityTimeout: Duration.seconds(queueVisibilityTimeoutSeconds(definition)),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.queue.maxReceiveCount },
    });
    for (const resource of [queue, deadLetterQueue]) Tags.of(resource).add(INTEGRATION_TAG, definition.id);

    const rule = new events.Rule(this, `${id}Rule`, {
      eventBus: props.platform.eventBus,
      description: definition.description.slice(0, 512),
      eventPattern: { source: [...definition.eventPattern.source], detailType: [...definition.eventPattern.detailType] },
    });
    rule.addTarget(new RuleOnlyQueueTarget(queue, deadLetterQueue));

    const consumer = new RabhanFunction(this, `${id}Consumer`, {
      handlerEntry: definition.handlerEntry,
      description: definition.description,
      platform: props.platform,
      permissions: definition.permissions,
      sourceQueue: { queue, deadLetterQueue },
      timeout: Duration.seconds(definition.functionTimeoutSeconds),
      ...(props.bundling === undefined ? {} : { bundling: props.bundling }),
    });
    consumer.bindQueue(queue, 'consume');
    const eventSourceMapping = new lambda.EventSourceMapping(this, `${id}EventSource`, {
      target: consumer.function,
      eventSourceArn: queue.queueArn,
      batchSize: definition.queue.batchSize,
      maxBatchingWindow: Duration.seconds(definition.queue.maxBatchingWindowSeconds),
      reportBatchItemFailures: true,
      maxConcurrency: definition.maximumConcurrency,
    });
    // Lambda checks the role can receive from the queue when the mapping is created.
    eventSourceMapping.node.addDependency(consumer.policy);
    return { definition, queue, deadLetterQueue, rule, consumer, eventSourceMapping };
  }
}

/**
 * The outbox relay: an EventBridge Pipe reads the table stream, keeps only new outbox items
 * (OUTBOX_STREAM_FILTER_PATTERN) and hands them to the outbox publisher function, which puts them on the bus.
 *
 * Why a function between the Pipe and the bus: the outbox item stores the event detail as a JSON *string*
 * (`detail`). A Pipe's input transformer only substitutes JSON-path values; it parses JSON implicitly only for SQS
 * `body`, Kinesis/MQ `data` and Kafka/MSK `key`/`value`, never for a DynamoDB attribute. So with the bus as the
 * Pipe target, `<$.dynamodb.NewImage.detail.S>` would deliver the envelope as a string (or, as a bare template,
 * as invalid JSON the bus refuses), not as the `{ id, version, occurredAt, correlationId, data }` object
 * integrators consume. The publisher applies the shared mapping (outboxImageToBusEntry), the same code the local
 * stream pump runs.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOX_PUBLISHER_BATCH_SIZE, OUTBOX_PUBLISHER_HANDLER_ENTRY, OUTBOX_STREAM_FILTER_PATTERN } from '../../shared/kernel/messaging/outbox.ts';
import { acknowledge } from '../compliance.ts';
import { FUNCTION_LOG_RETENTION, RabhanFunction, type BundlingMode, type PlatformBindings } from './rabhan-function.ts';

/** Source settings of the outbox Pipe. */
export const OUTBOX_PIPE_SETTINGS = {
  /** One publisher invocation per PutEvents call (see OUTBOX_PUBLISHER_BATCH_SIZE). */
  batchSize: OUTBOX_PUBLISHER_BATCH_SIZE,
  /** Publishing latency added while a batch fills. */
  maximumBatchingWindowSeconds: 1,
  /** Retries of a failing batch (bisected each time) before its stream coordinates go to the DLQ. */
  maximumRetryAttempts: 10,
  /** Records older than this go to the DLQ instead of blocking the shard; well inside the stream's 24 h retention. */
  maximumRecordAgeSeconds: 6 * 60 * 60,
  /** One concurrent batch per shard keeps every item's events in stream order. */
  parallelizationFactor: 1,
  /** Start from the oldest record so that nothing written before the Pipe existed is skipped. */
  startingPosition: 'TRIM_HORIZON',
  onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
} as const;
/** SQS maximum: the longest operators get to re-drive a failed batch from the outbox items (kept 7 days). */
export const PIPE_DEAD_LETTER_RETENTION = Duration.days(14);
export const OUTBOX_PUBLISHER_TIMEOUT = Duration.seconds(30);

export interface OutboxPipeProps {
  readonly platform: PlatformBindings;
  readonly table: dynamodb.ITable;
  readonly messagingKey: kms.IKey;
  /** @default - the `rabhan:bundling` context value, else esbuild */
  readonly bundling?: BundlingMode;
}

export class OutboxPipe extends Construct {
  readonly pipe: pipes.CfnPipe;
  readonly publisher: RabhanFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: OutboxPipeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const streamArn = props.table.tableStreamArn;
    if (streamArn === undefined) throw new Error('The outbox Pipe needs the table stream');

    this.publisher = new RabhanFunction(this, 'Publisher', {
      handlerEntry: OUTBOX_PUBLISHER_HANDLER_ENTRY,
      description: 'Outbox Pipe target: puts new outbox items on the platform bus.',
      platform: props.platform,
      permissions: [],
      timeout: OUTBOX_PUBLISHER_TIMEOUT,
      ...(props.bundling === undefined ? {} : { bundling: props.bundling }),
    });
    this.publisher.bindEventBus(props.platform.eventBus);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.messagingKey,
      enforceSSL: true,
      retentionPeriod: PIPE_DEAD_LETTER_RETENTION,
    });
    acknowledge(this.deadLetterQueue, 'pipeDeadLetterQueue');

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: FUNCTION_LOG_RETENTION,
      encryptionKey: props.platform.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const logGroupArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: logGroup.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'Outbox Pipe: reads the table stream, invokes the publisher, dead-letters failed batches.',
    });
    const policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      description: 'Least privilege for the outbox Pipe',
      statements: [
        new iam.PolicyStatement({
          actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
          resources: [streamArn],
        }),
        new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [props.platform.tableKey.keyArn] }),
        new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.publisher.function.functionArn] }),
        new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
        new iam.PolicyStatement({
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [props.messagingKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `sqs.${stack.region}.amazonaws.com` } },
        }),
        new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
      ],
    });

    this.pipe = new pipes.CfnPipe(this, 'Pipe', {
      description: 'Transactional outbox: new outbox items from the table stream to the platform bus.',
      roleArn: this.role.roleArn,
      desiredState: 'RUNNING',
      source: streamArn,
      sourceParameters: {
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_STREAM_FILTER_PATTERN) }] },
        dynamoDbStreamParameters: {
          startingPosition: OUTBOX_PIPE_SETTINGS.startingPosition,
          batchSize: OUTBOX_PIPE_SETTINGS.batchSize,
          maximumBatchingWindowInSeconds: OUTBOX_PIPE_SETTINGS.maximumBatchingWindowSeconds,
          maximumRetryAttempts: OUTBOX_PIPE_SETTINGS.maximumRetryAttempts,
          maximumRecordAgeInSeconds: OUTBOX_PIPE_SETTINGS.maximumRecordAgeSeconds,
          parallelizationFactor: OUTBOX_PIPE_SETTINGS.parallelizationFactor,
          onPartialBatchItemFailure: OUTBOX_PIPE_SETTINGS.onPartialBatchItemFailure,
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        },
      },
      target: this.publisher.function.functionArn,
      targetParameters: { lambdaFunctionParameters: { invocationType: 'REQUEST_RESPONSE' } },
      logConfiguration: { level: 'ERROR', cloudwatchLogsLogDestination: { logGroupArn } },
    });
    // The Pipe validates its role's access to the stream when it is created.
    this.pipe.node.addDependency(policy);
  }
}

/**
 * Creates, against the local engines, the same resources the CDK stacks create in AWS, from the same definitions:
 * the table from TABLE_SCHEMA, the bus, for every integration its queue, DLQ and rule, and the milestone-evidence
 * bucket (versioned, with its Object Lock retention; the local S3 encrypts nothing with KMS and enforces no policy).
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutObjectLockConfigurationCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { EVIDENCE_RETENTION } from '../../shared/kernel/deployment/evidence-bucket.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { TABLE_SCHEMA } from '../../shared/catalog/keys.ts';
import { integrationList, queueVisibilityTimeoutSeconds, type IntegrationDefinition } from '../../shared/catalog/integrations.ts';

export interface LocalResourceNames {
  readonly tableName: string;
  readonly eventBusName: string;
  readonly evidenceBucketName: string;
}

export interface ProvisionedQueue {
  readonly integration: IntegrationDefinition;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}

export interface ProvisionedResources extends LocalResourceNames {
  readonly streamArn: string;
  readonly queues: readonly ProvisionedQueue[];
  /** Environment variable name → key ARN, for every application key. */
  readonly keyEnvironment: Readonly<Record<string, string>>;
}

async function createApplicationKeys(kms: KMSClient): Promise<Record<string, string>> {
  const environment: Record<string, string> = {};
  for (const definition of Object.values(APPLICATION_KEYS)) {
    const { KeyMetadata } = await kms.send(
      new CreateKeyCommand({ Description: definition.description, KeySpec: definition.keySpec, KeyUsage: definition.keyUsage }),
    );
    if (KeyMetadata?.Arn === undefined) throw new Error(`KMS did not create the key: ${definition.description}`);
    environment[definition.environmentVariable] = KeyMetadata.Arn;
  }
  return environment;
}

const SECONDS_PER_DAY = 24 * 60 * 60;

export function localResourceNames(prefix: string): LocalResourceNames {
  return { tableName: `${prefix}-table`, eventBusName: `${prefix}-bus`, evidenceBucketName: `${prefix}-evidence` };
}

/** Object Lock can only be turned on when a bucket is created; doing so also turns versioning on. */
async function createEvidenceBucket(s3: S3Client, bucketName: string): Promise<void> {
  const region = await s3.config.region();
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucketName,
        ObjectLockEnabledForBucket: true,
        // us-east-1 is the one region S3 refuses as an explicit location constraint.
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'BucketAlreadyOwnedByYou')) throw error;
  }
  await s3.send(
    new PutObjectLockConfigurationCommand({
      Bucket: bucketName,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: EVIDENCE_RETENTION.mode, Years: EVIDENCE_RETENTION.years } },
      },
    }),
  );
}

async function createTable(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  const attributeNames = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  for (const index of TABLE_SCHEMA.globalSecondaryIndexes) {
    attributeNames.add(index.partitionKey);
    attributeNames.add(index.sortKey);
  }
  try {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributeNames].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_SCHEMA.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_SCHEMA.streamViewType },
      }),
    );
    await dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.LatestStreamArn === undefined) throw new Error(`Table ${tableName} has no stream`);
  return Table.LatestStreamArn;
}

async function queueArn(sqs: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (arn === undefined) throw new Error(`Queue ${queueUrl} has no ARN`);
  return arn;
}

export async function provisionIntegration(
  clients: { sqs: SQSClient; eventBridge: EventBridgeClient },
  prefix: string,
  eventBusName: string,
  integration: IntegrationDefinition,
): Promise<ProvisionedQueue> {
  const retentionSeconds = String(integration.queue.retentionDays * SECONDS_PER_DAY);
  const { QueueUrl: deadLetterQueueUrl } = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: `${prefix}-${integration.id}-dlq`, Attributes: { MessageRetentionPeriod: retentionSeconds } }),
  );
  if (deadLetterQueueUrl === undefined) throw new Error(`DLQ for ${integration.id} was not created`);
  const { QueueUrl: queueUrl } = await clients.sqs.send(
    new CreateQueueCommand({
      QueueName: `${prefix}-${integration.id}`,
      Attributes: {
        VisibilityTimeout: String(queueVisibilityTimeoutSeconds(integration)),
        MessageRetentionPeriod: retentionSeconds,
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArn(clients.sqs, deadLetterQueueUrl),
          maxReceiveCount: integration.queue.maxReceiveCount,
        }),
      },
    }),
  );
  if (queueUrl === undefined) throw new Error(`Queue for ${integration.id} was not created`);
  const ruleName = `${prefix}-${integration.id}`;
  await clients.eventBridge.send(
    new PutRuleCommand({
      Name: ruleName,
      EventBusName: eventBusName,
      EventPattern: JSON.stringify({ source: integration.eventPattern.source, 'detail-type': integration.eventPattern.detailType }),
    }),
  );
  await clients.eventBridge.send(
    new PutTargetsCommand({
      Rule: ruleName,
      EventBusName: eventBusName,
      Targets: [{ Id: 'queue', Arn: await queueArn(clients.sqs, queueUrl) }],
    }),
  );
  return { integration, queueUrl, deadLetterQueueUrl };
}

export async function provisionLocalResources(prefix: string): Promise<ProvisionedResources> {
  const names = localResourceNames(prefix);
  const dynamodb = new DynamoDBClient({});
  const sqs = new SQSClient({});
  const eventBridge = new EventBridgeClient({});
  const kms = new KMSClient({});
  // Path-style, as the adapter's client addresses a configured endpoint: moto has no per-bucket host names.
  const s3 = new S3Client({ forcePathStyle: true });
  try {
    const keyEnvironment = await createApplicationKeys(kms);
    const streamArn = await createTable(dynamodb, names.tableName);
    await createEvidenceBucket(s3, names.evidenceBucketName);
    try {
      await eventBridge.send(new CreateEventBusCommand({ Name: names.eventBusName }));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceAlreadyExistsException')) throw error;
    }
    const queues: ProvisionedQueue[] = [];
    for (const integration of integrationList) {
      queues.push(await provisionIntegration({ sqs, eventBridge }, prefix, names.eventBusName, integration));
    }
    return { ...names, streamArn, queues, keyEnvironment };
  } finally {
    kms.destroy();
    s3.destroy();
    dynamodb.destroy();
    sqs.destroy();
    eventBridge.destroy();
  }
}

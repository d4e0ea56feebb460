/**
 * The behaviours the platform relies on, proved against the real local engines (DynamoDB Local and moto) through
 * the AWS SDK. Clients are created without endpoints: the global setup's AWS_ENDPOINT_URL_* variables route them,
 * exactly as application code is routed. Every resource name carries this file's unique prefix.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  IdempotentParameterMismatchException,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type AttributeValue,
  type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, InvalidCiphertextException, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.ts';

const prefix = `engines-${randomUUID().slice(0, 8)}`;
const tableName = `${prefix}-table`;
const gsiName = 'gsi1';
/** Long enough for moto's synchronous delivery and LocalStack's asynchronous one, short enough to keep the file fast. */
const ABSENCE_WAIT_SECONDS = 2;
/** KMS's minimum; keys are only scheduled for deletion, which matters only on a persistent engine. */
const KEY_DELETION_WINDOW_DAYS = 7;

const dynamodb = new DynamoDBClient({});
const streams = new DynamoDBStreamsClient({});
const sqs = new SQSClient({});
const eventBridge = new EventBridgeClient({});
const kms = new KMSClient({});

/** Cleanup for whatever a test created, run after the file whatever the outcome. */
const cleanups: (() => Promise<unknown>)[] = [];

const s = (value: string): AttributeValue => ({ S: value });

async function getItem(pk: string, sk: string): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await dynamodb.send(new GetItemCommand({ TableName: tableName, Key: { pk: s(pk), sk: s(sk) }, ConsistentRead: true }));
  return Item;
}

async function createQueue(name: string, attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${name}`, Attributes: attributes }));
  const url = QueueUrl!;
  cleanups.push(() => sqs.send(new DeleteQueueCommand({ QueueUrl: url })));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: Attributes!.QueueArn! };
}

async function receive(queueUrl: string, options: { waitTimeSeconds?: number; visibilityTimeout?: number } = {}): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: options.waitTimeSeconds ?? 0,
      VisibilityTimeout: options.visibilityTimeout,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    }),
  );
  return Messages;
}

/** Reads the table's stream from the start of every shard until a record satisfies the predicate. */
async function findStreamRecord(streamArn: string, predicate: (record: _Record) => boolean): Promise<_Record> {
  const iterators = new Map<string, string | undefined>();
  return eventually(
    async () => {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      for (const { ShardId } of StreamDescription?.Shards ?? []) {
        if (!iterators.has(ShardId!)) {
          const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
          iterators.set(ShardId!, ShardIterator);
        }
      }
      for (const [shardId, iterator] of iterators) {
        if (iterator === undefined) continue;
        const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        iterators.set(shardId, NextShardIterator);
        const match = Records.find(predicate);
        if (match !== undefined) return match;
      }
      return undefined;
    },
    { description: 'the stream record' },
  );
}

beforeAll(async () => {
  // Never let these tests reach AWS with whatever credentials happen to be around.
  expect(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? process.env.AWS_ENDPOINT_URL, 'run through the integration project, whose global setup starts the engines').toBeDefined();
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: gsiName,
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  cleanups.push(() => dynamodb.send(new DeleteTableCommand({ TableName: tableName })));
  await eventually(async () => ((await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus === 'ACTIVE' ? true : undefined), {
    description: `${tableName} to become ACTIVE`,
  });
});

afterAll(async () => {
  // In reverse and one at a time: a bus can only be deleted once its rules are gone.
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe('DynamoDB Local', () => {
  it('rejects a conditional write whose condition fails with ConditionalCheckFailedException and keeps the stored item', async () => {
    // Arrange
    const pk = `customer#${randomUUID()}`;
    await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { pk: s(pk), sk: s('profile'), name: s('first') } }));

    // Act
    const write = dynamodb.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: s(pk), sk: s('profile'), name: s('second') },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );

    // Assert
    await expect(write).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect((await getItem(pk, 'profile'))?.name).toEqual(s('first'));
  });

  it('cancels a whole TransactWriteItems when one condition fails, writing none of its items', async () => {
    // Arrange
    const pk = `plan#${randomUUID()}`;
    await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { pk: s(pk), sk: s('plan'), status: s('ACTIVE') } }));

    // Act
    const transaction = dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { pk: s(pk), sk: s('payment#1'), amount: { N: '100' } } } },
          {
            Update: {
              TableName: tableName,
              Key: { pk: s(pk), sk: s('plan') },
              UpdateExpression: 'SET #status = :paid',
              ConditionExpression: '#status = :cancelled',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':paid': s('PAID'), ':cancelled': s('CANCELLED') },
            },
          },
        ],
      }),
    );

    // Assert
    const error = await transaction.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(await getItem(pk, 'payment#1')).toBeUndefined();
    expect((await getItem(pk, 'plan'))?.status).toEqual(s('ACTIVE'));
  });

  it('applies a repeated TransactWriteItems with the same ClientRequestToken only once and refuses the token with other parameters', async () => {
    // Arrange
    const pk = `counter#${randomUUID()}`;
    const token = randomUUID();
    const increment = (by: number): TransactWriteItemsCommandInput => ({
      ClientRequestToken: token,
      TransactItems: [{ Update: { TableName: tableName, Key: { pk: s(pk), sk: s('counter') }, UpdateExpression: 'ADD #n :by', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':by': { N: String(by) } } } }],
    });

    // Act
    await dynamodb.send(new TransactWriteItemsCommand(increment(1)));
    await dynamodb.send(new TransactWriteItemsCommand(increment(1)));
    const changedParameters = dynamodb.send(new TransactWriteItemsCommand(increment(5)));

    // Assert
    await expect(changedParameters).rejects.toBeInstanceOf(IdempotentParameterMismatchException);
    expect((await getItem(pk, 'counter'))?.n).toEqual({ N: '1' });
  });

  it('answers a query on a global secondary index with only that index key, in sort-key order', async () => {
    // Arrange
    const merchant = `merchant#${randomUUID()}`;
    const put = (pk: string, gsi1pk: string, gsi1sk: string) =>
      dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { pk: s(pk), sk: s('plan'), gsi1pk: s(gsi1pk), gsi1sk: s(gsi1sk) } }));
    await put(`plan#${randomUUID()}`, merchant, '2026-03-01');
    await put(`plan#${randomUUID()}`, merchant, '2026-01-15');
    await put(`plan#${randomUUID()}`, `merchant#${randomUUID()}`, '2026-02-01');

    // Act
    const query = () =>
      dynamodb.send(new QueryCommand({ TableName: tableName, IndexName: gsiName, KeyConditionExpression: 'gsi1pk = :merchant', ExpressionAttributeValues: { ':merchant': s(merchant) } }));
    // Index reads are eventually consistent in AWS; DynamoDB Local happens to answer at once.
    const { Items = [] } = await eventually(async () => {
      const result = await query();
      return result.Items?.length === 2 ? result : undefined;
    });

    // Assert
    expect(Items.map((item) => item.gsi1sk?.S)).toEqual(['2026-01-15', '2026-03-01']);
  });

  it('delivers an INSERT with the new image on the table stream', async () => {
    // Arrange
    const pk = `outbox#${randomUUID()}`;
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = Table!.LatestStreamArn!;

    // Act
    await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { pk: s(pk), sk: s('event'), detailType: s('Plan Created') } }));

    // Assert
    const record = await findStreamRecord(streamArn, (candidate) => candidate.dynamodb?.Keys?.pk?.S === pk);
    expect(record.eventName).toBe('INSERT');
    expect(record.dynamodb?.NewImage).toEqual({ pk: { S: pk }, sk: { S: 'event' }, detailType: { S: 'Plan Created' } });
    expect(record.dynamodb?.OldImage).toBeUndefined();
  });
});

describe('moto: EventBridge, SQS and KMS', () => {
  it('routes an event matching a custom bus rule to its SQS queue target and does not deliver one that does not match', async () => {
    // Arrange
    const busName = `${prefix}-bus`;
    const ruleName = `${prefix}-plans-to-queue`;
    const source = `rabhan.${prefix}`;
    await eventBridge.send(new CreateEventBusCommand({ Name: busName }));
    cleanups.push(() => eventBridge.send(new DeleteEventBusCommand({ Name: busName })));
    const queue = await createQueue('bus-target');
    const { RuleArn } = await eventBridge.send(
      new PutRuleCommand({ Name: ruleName, EventBusName: busName, EventPattern: JSON.stringify({ source: [source], 'detail-type': ['Plan Created'] }) }),
    );
    // AWS delivers to a queue only if its policy lets EventBridge send; moto does not check (docs/local-cloud.md).
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: queue.url,
        Attributes: {
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queue.arn, Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } } }],
          }),
        },
      }),
    );
    await eventBridge.send(new PutTargetsCommand({ Rule: ruleName, EventBusName: busName, Targets: [{ Id: 'queue', Arn: queue.arn }] }));
    cleanups.push(async () => {
      await eventBridge.send(new RemoveTargetsCommand({ Rule: ruleName, EventBusName: busName, Ids: ['queue'] }));
      await eventBridge.send(new DeleteRuleCommand({ Name: ruleName, EventBusName: busName }));
    });
    const planId = randomUUID();

    // Act
    const { FailedEntryCount } = await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: busName, Source: source, DetailType: 'Plan Cancelled', Detail: JSON.stringify({ planId: 'not-routed' }) },
          { EventBusName: busName, Source: source, DetailType: 'Plan Created', Detail: JSON.stringify({ planId }) },
        ],
      }),
    );

    // Assert
    expect(FailedEntryCount).toBe(0);
    const delivered = await eventually(async () => {
      const messages = await receive(queue.url, { waitTimeSeconds: 1 });
      return messages.length > 0 ? messages : undefined;
    });
    delivered.push(...(await receive(queue.url, { waitTimeSeconds: ABSENCE_WAIT_SECONDS })));
    expect(delivered).toHaveLength(1);
    const event = JSON.parse(delivered[0]!.Body!) as { source: string; 'detail-type': string; detail: { planId: string } };
    expect(event).toMatchObject({ source, 'detail-type': 'Plan Created', detail: { planId } });
  });

  it('moves a message to the dead-letter queue once it has been received maxReceiveCount times', async () => {
    // Arrange
    const maxReceiveCount = 2;
    const deadLetterQueue = await createQueue('redrive-dlq');
    const queue = await createQueue('redrive-source', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount }) });
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'poison' }));

    // Act: receive without deleting; a zero visibility timeout makes the message visible again at once.
    const receiveCounts: (string | undefined)[] = [];
    for (let attempt = 1; attempt <= maxReceiveCount; attempt += 1) {
      const [message] = await eventually(async () => {
        const messages = await receive(queue.url, { waitTimeSeconds: 1, visibilityTimeout: 0 });
        return messages.length > 0 ? messages : undefined;
      });
      receiveCounts.push(message?.Attributes?.ApproximateReceiveCount);
    }
    const receivedAfterTheLimit = await receive(queue.url, { waitTimeSeconds: 1, visibilityTimeout: 0 });

    // Assert
    expect(receiveCounts).toEqual(['1', '2']);
    expect(receivedAfterTheLimit).toEqual([]);
    const [deadLettered] = await eventually(async () => {
      const messages = await receive(deadLetterQueue.url, { waitTimeSeconds: 1 });
      return messages.length > 0 ? messages : undefined;
    });
    expect(deadLettered?.Body).toBe('poison');
  });

  it('decrypts a KMS ciphertext under the encryption context it was encrypted with and refuses it under another', async () => {
    // Arrange
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: `${prefix} personal data` }));
    const keyId = KeyMetadata!.KeyId!;
    cleanups.push(() => kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: KEY_DELETION_WINDOW_DAYS })));
    const plaintext = Buffer.from('1234567897');
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: { customerId: 'customer-1' } }));

    // Act
    const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { customerId: 'customer-1' } }));
    const underAnotherContext = kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { customerId: 'customer-2' } }));

    // Assert
    expect(Buffer.from(Plaintext!).equals(plaintext)).toBe(true);
    expect(KeyId).toBe(KeyMetadata!.Arn);
    await expect(underAnotherContext).rejects.toBeInstanceOf(InvalidCiphertextException);
  });
});

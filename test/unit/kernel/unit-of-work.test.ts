/**
 * The cancellations DynamoDB Local cannot produce (it never raises TransactionConflict, see docs/local-cloud.md),
 * answered by aws-sdk-client-mock. Condition failures are proved against the real engine in the integration tests.
 */
import { DynamoDBClient, TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../../shared/kernel/storage/unit-of-work.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'me-central-1', credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' } }));
const dynamodb = mockClient(documentClient);

const writes: NamedTransactItem[] = [
  { name: 'planUnchangedSinceRead', item: { Put: { TableName: 'rabhan', Item: { PK: 'PLAN#1', SK: 'PLAN' } } } },
  { name: 'exposureWithinLimit', item: { Update: { TableName: 'rabhan', Key: { PK: 'CUSTOMER#1', SK: 'EXPOSURE' }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': 1 } } } },
];

function cancelledWith(...codes: string[]): TransactionCanceledException {
  const reasons: CancellationReason[] = codes.map((code) => ({ Code: code }));
  return new TransactionCanceledException({ message: `Transaction cancelled [${codes.join(', ')}]`, $metadata: {}, CancellationReasons: reasons });
}

afterEach(() => {
  dynamodb.reset();
});

describe('writeTransaction cancellations', () => {
  it('turns a conflict with another transaction into a retryable 409 CONCURRENT_UPDATE with Retry-After', async () => {
    dynamodb.on(TransactWriteCommand).rejects(cancelledWith('None', 'TransactionConflict'));

    const outcome = writeTransaction(documentClient, writes).catch((error: unknown) => error);

    const error = await outcome;
    expect(error).toBeInstanceOf(RabhanError);
    expect(error).toMatchObject({ code: 'CONCURRENT_UPDATE', httpStatus: 409, headers: { 'Retry-After': '1' } });
  });

  it('names the broken invariant when a condition failed, even if another item also conflicted', async () => {
    dynamodb.on(TransactWriteCommand).rejects(cancelledWith('TransactionConflict', 'ConditionalCheckFailed'));

    const error = await writeTransaction(documentClient, writes).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TransactionConditionFailed);
    expect((error as TransactionConditionFailed).failedConditions).toEqual(['exposureWithinLimit']);
  });

  it('passes a throttling cancellation through unchanged, so it stays a server-side failure that is retried', async () => {
    const throttled = cancelledWith('ThrottlingError', 'None');
    dynamodb.on(TransactWriteCommand).rejects(throttled);

    const error = await writeTransaction(documentClient, writes).catch((caught: unknown) => caught);

    expect(error).toBe(throttled);
  });

  it('refuses more writes than one DynamoDB transaction holds before calling DynamoDB', async () => {
    const tooMany = Array.from({ length: 101 }, (_, index) => ({ name: `write${index}`, item: writes[0]!.item }));

    await expect(writeTransaction(documentClient, tooMany)).rejects.toThrow('at most 100');
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

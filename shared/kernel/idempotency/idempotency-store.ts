import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_RETENTION_SECONDS, type IdempotencyRecord, type IdempotencyScope, type IdempotencyStore, type StoredResponse } from './idempotency.ts';
import { isConditionalCheckFailed } from '../storage/conditions.ts';
import { ENTITY_TYPES, keys } from '../storage/kernel-keys.ts';
import type { TransactItem } from '../storage/unit-of-work.ts';

/** A record may be overwritten only once it has expired, which TTL may not yet have noticed. */
const RECORD_ABSENT_OR_EXPIRED = 'attribute_not_exists(PK) OR expiresAtEpochSeconds < :nowEpochSeconds';

const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export function idempotencyKeyOf(scope: IdempotencyScope) {
  return keys.idempotencyRecord(scope.principalId, scope.keyDigest);
}

export function toIdempotencyRecord(item: Record<string, unknown> | undefined): IdempotencyRecord | undefined {
  if (item === undefined) return undefined;
  return {
    fingerprint: String(item.fingerprint),
    response: { statusCode: Number(item.responseStatusCode), body: JSON.parse(String(item.responseBody)) as unknown },
    expiresAt: new Date(Number(item.expiresAtEpochSeconds) * 1000),
  };
}

/** The write that records an operation's response inside the operation's own transaction. */
export function idempotencyRecordPut(tableName: string, scope: IdempotencyScope, response: StoredResponse, now: Date): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...idempotencyKeyOf(scope),
        entityType: ENTITY_TYPES.idempotencyRecord,
        fingerprint: scope.fingerprint,
        responseStatusCode: response.statusCode,
        responseBody: JSON.stringify(response.body),
        expiresAtEpochSeconds: epochSeconds(now) + IDEMPOTENCY_RETENTION_SECONDS,
      },
      ConditionExpression: RECORD_ABSENT_OR_EXPIRED,
      ExpressionAttributeValues: { ':nowEpochSeconds': epochSeconds(now) },
    },
  };
}

export class DynamoDbIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKeyOf(scope), ConsistentRead: true }));
    return toIdempotencyRecord(Item);
  }

  async recordRefusal(scope: IdempotencyScope, response: StoredResponse, now: Date): Promise<boolean> {
    const put = idempotencyRecordPut(this.tableName, scope, response, now).Put!;
    try {
      await this.documentClient.send(new PutCommand(put));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

/**
 * Fixed-window rate limits: one counter item per scope, subject and window, charged in one transaction so that a
 * request either counts against every limit it is subject to or against none.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionConditionFailed, writeTransaction } from '../../kernel/storage/unit-of-work.ts';
import type { RateLimitCharge } from '../app/identity-store.ts';
import { epochSeconds } from './identity-items.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

export async function chargeRateLimitWindows(
client: DynamoDBDocumentClient,
tableName: string,
charges: readonly RateLimitCharge[],
now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const nowSeconds = epochSeconds(now);
  const windows = charges.map((charge) => {
    const windowStart = nowSeconds - (nowSeconds % charge.windowSeconds);
    return { charge, windowStart, windowEnd: windowStart + charge.windowSeconds };
  });
  try {
    await writeTransaction(
      client,
      windows.map(({ charge, windowStart, windowEnd }) => ({
        name: `${charge.scope}WithinLimit`,
        item: {
          Update: {
            TableName: tableName,
            Key: keys.rateLimitWindow(charge.scope, charge.subject, windowStart),
            UpdateExpression: 'SET entityType = :entityType, expiresAtEpochSeconds = :expires ADD requestCount :one',
            ConditionExpression: 'attribute_not_exists(requestCount) OR requestCount < :limit',
            ExpressionAttributeValues: { ':entityType': ENTITY_TYPES.rateLimitWindow, ':expires': windowEnd, ':one': 1, ':limit': charge.limit },
          },
        },
      })),
    );
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof TransactionConditionFailed)) throw error;
    const exhausted = windows.filter(({ charge }) => error.failed(`${charge.scope}WithinLimit`));
    return { allowed: false, retryAfterSeconds: Math.max(1, ...exhausted.map(({ windowEnd }) => windowEnd - nowSeconds)) };
  }
}

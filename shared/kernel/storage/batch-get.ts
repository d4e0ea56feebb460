/** One consistent BatchGetItem of a handful of items, keyed for lookup by `PK|SK`. */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './table.ts';

/** Well under BatchGetItem's 100 keys and 16 MB: the callers read an aggregate and the records that guard its change. */
export const BATCH_GET_KEYS_MAX = 10;

export interface FetchedItems {
  get(key: ItemKey): Record<string, unknown> | undefined;
}

/**
 * `attributes`, when given, limits what is read from every item (the keys are always read): a caller that needs a
 * few attributes of an item holding personal-data ciphertexts need not read those.
 */
export async function batchGetItems(client: DynamoDBDocumentClient, tableName: string, requested: readonly ItemKey[], attributes?: readonly string[]): Promise<FetchedItems> {
  if (requested.length > BATCH_GET_KEYS_MAX) throw new Error(`A batch read takes at most ${BATCH_GET_KEYS_MAX} keys`);
  const projected = attributes === undefined ? undefined : [...new Set(['PK', 'SK', ...attributes])];
  const projection =
    projected === undefined
      ? {}
      : { ProjectionExpression: projected.map((_, index) => `#a${index}`).join(', '), ExpressionAttributeNames: Object.fromEntries(projected.map((name, index) => [`#a${index}`, name])) };
  const { Responses, UnprocessedKeys } = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [...requested], ConsistentRead: true, ...projection } } }));
  // A few small items never exceed BatchGetItem's limits; unprocessed keys would mean throttling, surfaced as such.
  if ((UnprocessedKeys?.[tableName]?.Keys?.length ?? 0) > 0) throw new Error('DynamoDB throttled a batch read');
  const byKey = new Map((Responses?.[tableName] ?? []).map((item) => [`${String(item.PK)}|${String(item.SK)}`, item]));
  return { get: (key) => byKey.get(`${key.PK}|${key.SK}`) };
}

/** Pages through index partitions whose sort keys fall below a bound: the due-date scans of scheduled jobs. */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IndexDefinition } from './table.ts';

/** Every item of the given partitions of `index` whose sort key is below `sortKeyBelow`, `pageSize` at a time. */
export async function* itemsBelow(
  client: DynamoDBDocumentClient,
  tableName: string,
  index: IndexDefinition,
  partitions: readonly string[],
  sortKeyBelow: string,
  pageSize: number,
): AsyncIterable<Record<string, unknown>> {
  for (const partition of partitions) {
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.indexName,
          KeyConditionExpression: '#partition = :partition AND #sort < :below',
          ExpressionAttributeNames: { '#partition': index.partitionKey, '#sort': index.sortKey },
          ExpressionAttributeValues: { ':partition': partition, ':below': sortKeyBelow },
          Limit: pageSize,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      yield* page.Items ?? [];
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey !== undefined);
  }
}

/**
 * The target of the outbox Pipe: it receives a batch of table-stream records that already passed the Pipe's
 * filter (OUTBOX_STREAM_FILTER_PATTERN) and puts each outbox item on the bus with the shared mapping, exactly as
 * the local stream pump does. EventBridge Pipes cannot turn the item's `detail` string into the event's detail
 * object by input transformation, which is why this step is code.
 *
 * Any rejected entry fails the whole invocation: the Pipe then retries (bisecting the batch) and finally sends the
 * batch's stream coordinates to its DLQ. Consumers deduplicate on the envelope id, so a retried batch is harmless.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { outboxImageToBusEntry, type BusEntry } from '../../shared/kernel/messaging/outbox.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { busPublisher } from '../../shared/platform/compose.ts';

function toBusEntries(records: readonly DynamoDBRecord[]): BusEntry[] {
  return records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || image === undefined) return [];
    const entry = outboxImageToBusEntry(image as Record<string, { S?: string }>);
    return entry === undefined ? [] : [entry];
  });
}

export async function handler(records: DynamoDBRecord[]): Promise<void> {
  const entries = toBusEntries(records);
  await busPublisher().publish(entries);
  logger.info('Outbox events published', { received: records.length, published: entries.length });
}

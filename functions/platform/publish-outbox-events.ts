/**
 * The target of the outbox Pipe: it receives a batch of table-stream records that already passed the Pipe's
 * filter (OUTBOX_STREAM_FILTER_PATTERN) and puts each outbox item on the bus with the shared mapping, exactly as
 * the local stream pump does. EventBridge Pipes cannot turn the item's `detail` string into the event's detail
 * object by input transformation, which is why this step is code.
 *
 * Any rejected entry fails the whole invocation: the Pipe then retries (bisecting the batch) and finally sends the
 * batch's stream coordinates to its DLQ. Consumers deduplicate on the envelope id, so a retried batch is harmless.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DynamoDBRecord } from 'aws-lambda';
import { OUTBOX_PUBLISHER_BATCH_SIZE, outboxImageToBusEntry, type BusEntry } from '../../shared/kernel/messaging/outbox.ts';
import { loadPlatformConfig } from '../../shared/kernel/config/platform-config.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';

/** PutEvents accepts at most 10 entries per call. */
const BUS_ENTRIES_PER_PUT_MAX = OUTBOX_PUBLISHER_BATCH_SIZE;

const config = loadPlatformConfig();
const eventBridge = new EventBridgeClient({});

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
  for (let start = 0; start < entries.length; start += BUS_ENTRIES_PER_PUT_MAX) {
    const batch = entries.slice(start, start + BUS_ENTRIES_PER_PUT_MAX);
    const result = await eventBridge.send(
      new PutEventsCommand({
        Entries: batch.map((entry) => ({ EventBusName: config.eventBusName, Source: entry.source, DetailType: entry.detailType, Detail: entry.detail })),
      }),
    );
    if ((result.FailedEntryCount ?? 0) > 0) throw new Error(`The bus rejected ${result.FailedEntryCount} outbox events`);
  }
  logger.info('Outbox events published', { received: records.length, published: entries.length });
}

/** Puts outbox events on the EventBridge bus, in batches of what PutEvents accepts, failing on any rejected entry. */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { BusEntry } from '../../kernel/messaging/outbox.ts';

/** PutEvents accepts at most 10 entries per call. */
export const BUS_ENTRIES_PER_PUT_MAX = 10;

export class EventBridgeBusPublisher {
  private readonly client = new EventBridgeClient({});

  constructor(private readonly eventBusName: string) {}

  /** Throws when the bus rejects any entry, so the Pipe retries the batch (consumers deduplicate on the event id). */
  async publish(entries: readonly BusEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += BUS_ENTRIES_PER_PUT_MAX) {
      const batch = entries.slice(start, start + BUS_ENTRIES_PER_PUT_MAX);
      const result = await this.client.send(
        new PutEventsCommand({ Entries: batch.map((entry) => ({ EventBusName: this.eventBusName, Source: entry.source, DetailType: entry.detailType, Detail: entry.detail })) }),
      );
      if ((result.FailedEntryCount ?? 0) > 0) throw new Error(`The bus rejected ${result.FailedEntryCount} outbox events`);
    }
  }
}

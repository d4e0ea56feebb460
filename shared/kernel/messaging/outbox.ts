/**
 * The transactional outbox. A use-case writes its state change and an outbox item in one TransactWriteItems;
 * the table stream carries the item to an EventBridge Pipe (in AWS) or the local stream pump (locally), which
 * publishes it to the platform bus. Both read the filter and the item-to-event mapping defined here.
 */
import type { EventDetailEnvelope, EventTypeDefinition, OutboundEvent } from './event-type.ts';
import { CONDITIONS } from '../storage/conditions.ts';
import type { NamedTransactItem } from '../storage/unit-of-work.ts';
import { ENTITY_TYPES, keys } from '../storage/kernel-keys.ts';
import { KEY_ATTRIBUTES } from '../storage/table.ts';

/**
 * The function the outbox Pipe invokes with filtered stream records (in AWS), and that the local stream pump
 * invokes the same way. A Pipe cannot turn the item's `detail` string into an event's detail object by input
 * transformation, which is why publishing is a function (see lib/constructs/outbox-pipe.ts).
 */
export const OUTBOX_PUBLISHER_HANDLER_ENTRY = 'functions/platform/publish-outbox-events.ts';
/** Records per publisher invocation: PutEvents takes at most 10 entries, so one batch is one call. */
export const OUTBOX_PUBLISHER_BATCH_SIZE = 10;

/** Outbox items only need to outlive stream retention (24 h) plus replay slack. */
export const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

export const OUTBOX_ATTRIBUTES = {
  eventSource: 'eventSource',
  detailType: 'detailType',
  /** The full event detail (the envelope) as a JSON string. */
  detail: 'detail',
} as const;

export interface OutboxItem {
  readonly PK: string;
  readonly SK: string;
  readonly entityType: typeof ENTITY_TYPES.outboxEvent;
  readonly eventSource: string;
  readonly detailType: string;
  readonly detail: string;
  readonly expiresAtEpochSeconds: number;
}

export function buildOutboxItem(
  eventType: EventTypeDefinition,
  envelope: EventDetailEnvelope,
): OutboxItem {
  const occurredAtEpochSeconds = Math.floor(Date.parse(envelope.occurredAt) / 1000);
  return {
    ...keys.outboxEvent(envelope.id),
    entityType: ENTITY_TYPES.outboxEvent,
    eventSource: eventType.source,
    detailType: eventType.detailType,
    detail: JSON.stringify(envelope),
    expiresAtEpochSeconds: occurredAtEpochSeconds + OUTBOX_RETENTION_SECONDS,
  };
}

/** Stream records that the pipe forwards: newly inserted outbox items, never updates or deletes. */
/** The outbox puts for a change's events, named `eventMustBeNew<n>` so that a refused one names itself. */
export function outboxPuts(tableName: string, events: readonly OutboundEvent[]): NamedTransactItem[] {
  return events.map((event, index) => ({
    name: `eventMustBeNew${index}`,
    item: { Put: { TableName: tableName, Item: buildOutboxItem(event.type, event.envelope), ConditionExpression: CONDITIONS.itemMustNotExist } },
  }));
}

export const OUTBOX_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [KEY_ATTRIBUTES.entityType]: { S: [ENTITY_TYPES.outboxEvent] } } },
} as const;

export interface BusEntry {
  readonly source: string;
  readonly detailType: string;
  readonly detail: string;
}

type StreamImage = Record<string, { S?: string } | undefined>;

/** Maps a stream NewImage of an outbox item to the event put on the bus; the Pipe's target parameters mirror it. */
export function outboxImageToBusEntry(newImage: StreamImage): BusEntry | undefined {
  if (newImage[KEY_ATTRIBUTES.entityType]?.S !== ENTITY_TYPES.outboxEvent) return undefined;
  const source = newImage[OUTBOX_ATTRIBUTES.eventSource]?.S;
  const detailType = newImage[OUTBOX_ATTRIBUTES.detailType]?.S;
  const detail = newImage[OUTBOX_ATTRIBUTES.detail]?.S;
  if (source === undefined || detailType === undefined || detail === undefined) return undefined;
  return { source, detailType, detail };
}

/** Keys of the items the kernel itself stores: outbox events and idempotency records. */
import type { ItemKey, KeyPrefix } from './table.ts';

export const ENTITY_TYPES = {
  outboxEvent: 'OutboxEvent',
  idempotencyRecord: 'IdempotencyRecord',
} as const;

export const keys = {
  outboxEvent: (eventId: string): ItemKey => ({ PK: `OUTBOX#${eventId}`, SK: 'OUTBOX' }),
  /** Scoped by principal so one client's keys can never collide with, or replay, another's. */
  idempotencyRecord: (principalId: string, keyDigest: string): ItemKey => ({ PK: `IDEMPOTENCY#${principalId}#${keyDigest}`, SK: 'IDEMPOTENCY' }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.outboxEvent, partitionKeyPrefix: 'OUTBOX#', sortKeyPrefix: 'OUTBOX', keySpace: 'table' },
  { entityType: ENTITY_TYPES.idempotencyRecord, partitionKeyPrefix: 'IDEMPOTENCY#', sortKeyPrefix: 'IDEMPOTENCY', keySpace: 'table' },
];

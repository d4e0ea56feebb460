/**
 * The only module that knows how items are keyed in the single table.
 * Physical attributes stay generic (PK, SK, GSI1PK...) while each index is named after the access pattern it
 * serves. Keys are built from immutable random ids only, never from personal data or values that can change.
 * The CDK stateful stack and the local runtime create the table from TABLE_SCHEMA below.
 */

export const KEY_ATTRIBUTES = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds after which DynamoDB TTL may delete the item (lazily: readers still check expiry). */
  timeToLive: 'expiresAtEpochSeconds',
  /** Discriminator carried by every item; the outbox pipe filters on it. */
  entityType: 'entityType',
} as const;

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export const INDEXES = {
  /** Everything a principal owns, newest first by the owner-scoped sort key (plans, assessments...). */
  byOwner: { indexName: 'byOwner', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /** Work due by date across aggregates (overdue installments, expiring records). */
  byDueDate: { indexName: 'byDueDate', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
} as const satisfies Record<string, IndexDefinition>;

/** Everything needed to create the table, whether by CloudFormation or against DynamoDB Local. */
export const TABLE_SCHEMA = {
  partitionKey: KEY_ATTRIBUTES.partitionKey,
  sortKey: KEY_ATTRIBUTES.sortKey,
  timeToLiveAttribute: KEY_ATTRIBUTES.timeToLive,
  globalSecondaryIndexes: Object.values(INDEXES) as readonly IndexDefinition[],
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

export const ENTITY_TYPES = {
  outboxEvent: 'OutboxEvent',
  canaryEmission: 'CanaryEmission',
  canaryArrival: 'CanaryArrival',
} as const;
export type EntityType = (typeof ENTITY_TYPES)[keyof typeof ENTITY_TYPES];

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

export const keys = {
  outboxEvent: (eventId: string): ItemKey => ({ PK: `OUTBOX#${eventId}`, SK: 'OUTBOX' }),
  canaryEmission: (canaryId: string): ItemKey => ({ PK: `CANARY#${canaryId}`, SK: 'EMISSION' }),
  canaryArrival: (canaryId: string): ItemKey => ({ PK: `CANARY#${canaryId}`, SK: 'ARRIVAL' }),
} as const;

/**
 * The single table's physical shape. Attributes stay generic (PK, SK, GSI1PK...) while each index is named after
 * the access pattern it serves. Item key formats live in each context's own keys module
 * (`shared/<context>/adapters/keys.ts`); the catalogue joins their prefixes and a test rejects any collision.
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

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

/**
 * One kind of item a context stores: the constant start of its partition key and of its sort key. The catalogue
 * joins every context's prefixes, and a test rejects two kinds whose keys could ever be equal.
 */
export interface KeyPrefix {
  readonly entityType: string;
  readonly partitionKeyPrefix: string;
  /** The sort key's constant start; an exact sort key is its own prefix. */
  readonly sortKeyPrefix: string;
  /** Which key space: the table's own keys, or an index's. */
  readonly keySpace: 'table' | keyof typeof INDEXES;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Stable per id and even across shards: 32-bit FNV-1a of the id (ULIDs end in 16 random characters). */
export function shardOf(id: string, shardCount: number): number {
  let hash = FNV_OFFSET_BASIS;
  for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), FNV_PRIME);
  return (hash >>> 0) % shardCount;
}

/** The byOwner index's partition for everything one customer owns; each context sorts its own kind within it. */
export const ownerPartition = (ownerId: string): string => `OWNER#${ownerId}`;

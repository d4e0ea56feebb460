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

/**
 * byDueDate partitions per month. A month can hold millions of plans and one index partition takes about 1,000
 * writes a second (docs/capacity.md), so each plan is placed in one of these by its id.
 */
export const DUE_DATE_SHARD_COUNT = 10;

/**
 * Index partitions for PENDING payment intents by expiry. Every intent is written into one and removed on
 * settlement, and sort keys grow with time, so DynamoDB cannot split them: at about 1,000 index writes a second
 * per partition, 100 partitions carry 50,000 intents a second.
 */
export const INTENT_EXPIRY_SHARD_COUNT = 100;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Stable per id and even across shards: 32-bit FNV-1a of the id (ULIDs end in 16 random characters). */
function shardOf(id: string, shardCount: number): number {
  let hash = FNV_OFFSET_BASIS;
  for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), FNV_PRIME);
  return (hash >>> 0) % shardCount;
}

export const dueDateShardOf = (planId: string): number => shardOf(planId, DUE_DATE_SHARD_COUNT);

const dueMonthShard = (yearMonth: string, shard: number): string => `DUE#${yearMonth}#${shard}`;
const intentExpiryShard = (shard: number): string => `INTENT_EXPIRY#${shard}`;

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
  nafathSession: 'NafathSession',
  nafathTransaction: 'NafathTransaction',
  nafathCallback: 'NafathCallback',
  nationalIdGuard: 'NationalIdGuard',
  principal: 'Principal',
  refreshTokenFamily: 'RefreshTokenFamily',
  rateLimitWindow: 'RateLimitWindow',
  customer: 'Customer',
  creditAssessment: 'CreditAssessment',
  auditEntry: 'AuditEntry',
  offer: 'Offer',
  plan: 'Plan',
  journal: 'Journal',
  payment: 'Payment',
  gatewayEvent: 'GatewayEvent',
  ledgerBalance: 'LedgerBalance',
  idempotencyRecord: 'IdempotencyRecord',
  reconciliationItem: 'ReconciliationItem',
  canaryEmission: 'CanaryEmission',
  canaryArrival: 'CanaryArrival',
} as const;
export type EntityType = (typeof ENTITY_TYPES)[keyof typeof ENTITY_TYPES];

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

/** Audit sequence numbers are zero-padded so that entries sort in chain order. */
const AUDIT_SEQUENCE_DIGITS = 10;

/**
 * Journals and audit entries are immutable, so each lives in a partition that holds nothing else: IAM can condition
 * only on the partition key (`dynamodb:LeadingKeys`), and every function role is denied UpdateItem and DeleteItem
 * on partitions starting with these prefixes (lib/constructs/rabhan-function.ts). No other partition key may start
 * with either of them (test/unit/shared/adapters/keys.test.ts).
 */
export const JOURNAL_PARTITION_PREFIX = 'JOURNAL#';
export const AUDIT_PARTITION_PREFIX = 'AUDIT#';
export const IMMUTABLE_PARTITION_PREFIXES: readonly string[] = [JOURNAL_PARTITION_PREFIX, AUDIT_PARTITION_PREFIX];

/**
 * Whose postings a journal partition holds: a plan's (its statement), or a reconciliation item's (money received into
 * suspense). The partition takes the owner's own partition key after the prefix.
 */
export type JournalScope = { readonly plan: string } | { readonly reconciliation: string };

const planPartition = (planId: string): string => `PLAN#${planId}`;
const reconciliationItemPartition = (itemId: string): string => `RECONCILIATION#${itemId}`;
const journalPartition = (scope: JournalScope): string =>
  `${JOURNAL_PARTITION_PREFIX}${'plan' in scope ? planPartition(scope.plan) : reconciliationItemPartition(scope.reconciliation)}`;
/** An aggregate's audit chain: `AUDIT#` then the aggregate's own partition key, e.g. `AUDIT#CUSTOMER#<id>`. */
const auditChainPartition = (aggregatePartitionKey: string): string => `${AUDIT_PARTITION_PREFIX}${aggregatePartitionKey}`;

export const keys = {
  outboxEvent: (eventId: string): ItemKey => ({ PK: `OUTBOX#${eventId}`, SK: 'OUTBOX' }),
  nafathSession: (sessionId: string): ItemKey => ({ PK: `NAFATH_SESSION#${sessionId}`, SK: 'SESSION' }),
  nafathTransaction: (transactionId: string): ItemKey => ({ PK: `NAFATH_TXN#${transactionId}`, SK: 'TXN' }),
  nafathCallback: (callbackId: string): ItemKey => ({ PK: `NAFATH_CALLBACK#${callbackId}`, SK: 'CALLBACK' }),
  /** Uniqueness guard for a national ID, keyed by its blind index (never the ID itself). */
  nationalIdGuard: (nationalIdBlindIndex: string): ItemKey => ({ PK: `NID#${nationalIdBlindIndex}`, SK: 'NID' }),
  principal: (principalId: string): ItemKey => ({ PK: `PRINCIPAL#${principalId}`, SK: 'PRINCIPAL' }),
  refreshTokenFamily: (familyId: string): ItemKey => ({ PK: `REFRESH#${familyId}`, SK: 'FAMILY' }),
  rateLimitWindow: (scope: string, subject: string, windowStartEpochSeconds: number): ItemKey => ({
    PK: `RATE#${scope}#${subject}#${windowStartEpochSeconds}`,
    SK: 'RATE',
  }),
  customer: (customerId: string): ItemKey => ({ PK: `CUSTOMER#${customerId}`, SK: 'PROFILE' }),
  creditAssessment: (customerId: string, assessmentId: string): ItemKey => ({
    PK: `CUSTOMER#${customerId}`,
    SK: `ASSESSMENT#${assessmentId}`,
  }),
  creditAssessmentPrefix: 'ASSESSMENT#',
  /** Entry `sequence` of the aggregate's audit chain, in a partition of its own (see AUDIT_PARTITION_PREFIX). */
  auditEntry: (aggregatePartitionKey: string, sequence: number): ItemKey => ({
    PK: auditChainPartition(aggregatePartitionKey),
    SK: String(sequence).padStart(AUDIT_SEQUENCE_DIGITS, '0'),
  }),
  /** The partition holding an aggregate's whole audit chain, in chain order. */
  auditChain: auditChainPartition,
  offer: (customerId: string, offerId: string): ItemKey => ({ PK: `CUSTOMER#${customerId}`, SK: `OFFER#${offerId}` }),
  plan: (planId: string): ItemKey => ({ PK: planPartition(planId), SK: 'PLAN' }),
  /** A journal, in its ledger's partition of its own (see JOURNAL_PARTITION_PREFIX); ids sort in posting order. */
  journal: (scope: JournalScope, journalId: string): ItemKey => ({ PK: journalPartition(scope), SK: journalId }),
  /** The partition holding every journal of one ledger, e.g. a plan's statement. */
  journals: journalPartition,
  payment: (planId: string, paymentId: string): ItemKey => ({ PK: planPartition(planId), SK: `PAYMENT#${paymentId}` }),
  /** Replay guard for a payment-gateway webhook event. */
  gatewayEvent: (gatewayEventId: string): ItemKey => ({ PK: `GATEWAY_EVENT#${gatewayEventId}`, SK: 'EVENT' }),
  /**
   * Running debit and credit totals per ledger account type, spread over shards so that no single item takes
   * every posting (one DynamoDB item sustains about 1,000 writes a second; see docs/capacity.md).
   */
  ledgerBalance: (accountType: string, shard: number): ItemKey => ({ PK: `LEDGER#${accountType}`, SK: `SHARD#${String(shard).padStart(2, '0')}` }),
  /** Scoped by principal so one client's keys can never collide with, or replay, another's. */
  idempotencyRecord: (principalId: string, keyDigest: string): ItemKey => ({ PK: `IDEMPOTENCY#${principalId}#${keyDigest}`, SK: 'IDEMPOTENCY' }),
  /** byDueDate index attributes for an active plan: its month and shard, and the oldest unpaid due date. */
  dueBy: (oldestUnpaidDueDate: string, planId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: dueMonthShard(oldestUnpaidDueDate.slice(0, 7), dueDateShardOf(planId)),
    [INDEXES.byDueDate.sortKey]: `${oldestUnpaidDueDate}#${planId}`,
  }),
  /** byDueDate index attributes for a PENDING payment intent, removed when it settles (a sparse index). */
  intentExpiry: (expiresAt: Date, paymentId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: intentExpiryShard(shardOf(paymentId, INTENT_EXPIRY_SHARD_COUNT)),
    [INDEXES.byDueDate.sortKey]: `${expiresAt.toISOString()}#${paymentId}`,
  }),
  intentExpiryPartitions: (): readonly string[] => Array.from({ length: INTENT_EXPIRY_SHARD_COUNT }, (_, shard) => intentExpiryShard(shard)),
  /** Every byDueDate partition of a month (`yyyy-mm`); a reader of the month must query them all. */
  dueMonthPartitions: (yearMonth: string): readonly string[] => Array.from({ length: DUE_DATE_SHARD_COUNT }, (_, shard) => dueMonthShard(yearMonth, shard)),
  /** byOwner index attributes: everything a customer owns, grouped by kind and sorted by (time-ordered) id. */
  ownedBy: (ownerId: string, kind: 'ASSESSMENT' | 'PLAN', id: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: `OWNER#${ownerId}`,
    [INDEXES.byOwner.sortKey]: `${kind}#${id}`,
  }),
  /** Money the gateway reported that matched no payable intent, held in suspense until staff apply it. */
  reconciliationItem: (itemId: string): ItemKey => ({ PK: reconciliationItemPartition(itemId), SK: 'ITEM' }),
  /**
   * byOwner index attributes putting every reconciliation item in the ops queue, newest first. One partition is enough:
   * items are exceptions (a handful a day at national scale, docs/capacity.md), far below a partition's write rate.
   */
  reconciliationQueue: (itemId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: 'RECONCILIATION_QUEUE',
    [INDEXES.byOwner.sortKey]: `ITEM#${itemId}`,
  }),
  canaryEmission: (canaryId: string): ItemKey => ({ PK: `CANARY#${canaryId}`, SK: 'EMISSION' }),
  canaryArrival: (canaryId: string): ItemKey => ({ PK: `CANARY#${canaryId}`, SK: 'ARRIVAL' }),
} as const;

/** The payments context's key formats: intents (in their plan's partition), gateway events and reconciliation. */
import { INDEXES, shardOf, type ItemKey, type KeyPrefix } from '../../kernel/storage/table.ts';
import { planPartition } from '../../lending/index.ts';
import type { JournalOwner } from '../../ledger/index.ts';

export const ENTITY_TYPES = { payment: 'Payment', gatewayEvent: 'GatewayEvent', reconciliationItem: 'ReconciliationItem' } as const;

/**
 * Index partitions for PENDING payment intents by expiry. Every intent is written into one and removed on
 * settlement, and sort keys grow with time, so DynamoDB cannot split them: at about 1,000 index writes a second
 * per partition, 100 partitions carry 50,000 intents a second.
 */
export const INTENT_EXPIRY_SHARD_COUNT = 100;

const intentExpiryShard = (shard: number): string => `INTENT_EXPIRY#${shard}`;
const reconciliationItemPartition = (itemId: string): string => `RECONCILIATION#${itemId}`;

export const keys = {
  payment: (planId: string, paymentId: string): ItemKey => ({ PK: planPartition(planId), SK: `PAYMENT#${paymentId}` }),
  /** Replay guard for a payment-gateway webhook event. */
  gatewayEvent: (gatewayEventId: string): ItemKey => ({ PK: `GATEWAY_EVENT#${gatewayEventId}`, SK: 'EVENT' }),
  /** byDueDate index attributes for a PENDING payment intent, removed when it settles (a sparse index). */
  intentExpiry: (expiresAt: Date, paymentId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: intentExpiryShard(shardOf(paymentId, INTENT_EXPIRY_SHARD_COUNT)),
    [INDEXES.byDueDate.sortKey]: `${expiresAt.toISOString()}#${paymentId}`,
  }),
  intentExpiryPartitions: (): readonly string[] => Array.from({ length: INTENT_EXPIRY_SHARD_COUNT }, (_, shard) => intentExpiryShard(shard)),
  /** Money the gateway reported that matched no payable intent, held in suspense until staff apply it. */
  reconciliationItem: (itemId: string): ItemKey => ({ PK: reconciliationItemPartition(itemId), SK: 'ITEM' }),
  /** The ledger of money held in suspense for one reconciliation item. */
  reconciliationLedger: (itemId: string): JournalOwner => ({ ownerPartitionKey: reconciliationItemPartition(itemId) }),
  /**
   * byOwner index attributes putting every reconciliation item in the ops queue, newest first. One partition is enough:
   * items are exceptions (a handful a day at national scale, docs/capacity.md), far below a partition's write rate.
   */
  reconciliationQueue: (itemId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: 'RECONCILIATION_QUEUE',
    [INDEXES.byOwner.sortKey]: `ITEM#${itemId}`,
  }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.payment, partitionKeyPrefix: 'PLAN#', sortKeyPrefix: 'PAYMENT#', keySpace: 'table' },
  { entityType: ENTITY_TYPES.payment, partitionKeyPrefix: 'INTENT_EXPIRY#', sortKeyPrefix: '', keySpace: 'byDueDate' },
  { entityType: ENTITY_TYPES.gatewayEvent, partitionKeyPrefix: 'GATEWAY_EVENT#', sortKeyPrefix: 'EVENT', keySpace: 'table' },
  { entityType: ENTITY_TYPES.reconciliationItem, partitionKeyPrefix: 'RECONCILIATION#', sortKeyPrefix: 'ITEM', keySpace: 'table' },
  { entityType: ENTITY_TYPES.reconciliationItem, partitionKeyPrefix: 'RECONCILIATION_QUEUE', sortKeyPrefix: 'ITEM#', keySpace: 'byOwner' },
];

/** The lending context's key formats: offers, plans and the due-date index that the delinquency job reads. */
import { INDEXES, ownerPartition, shardOf, type ItemKey, type KeyPrefix } from '../../kernel/storage/table.ts';
import { customerPartition } from '../../customers/index.ts';
import type { JournalOwner } from '../../ledger/index.ts';

export const ENTITY_TYPES = { offer: 'Offer', plan: 'Plan' } as const;

/**
 * byDueDate partitions per month. A month can hold millions of plans and one index partition takes about 1,000
 * writes a second (docs/capacity.md), so each plan is placed in one of these by its id.
 */
export const DUE_DATE_SHARD_COUNT = 10;

export const dueDateShardOf = (planId: string): number => shardOf(planId, DUE_DATE_SHARD_COUNT);

const dueMonthShard = (yearMonth: string, shard: number): string => `DUE#${yearMonth}#${shard}`;

/** A plan's partition: the plan, and as an item collection its payments (payments context). */
export const planPartition = (planId: string): string => `PLAN#${planId}`;

export const keys = {
  offer: (customerId: string, offerId: string): ItemKey => ({ PK: customerPartition(customerId), SK: `OFFER#${offerId}` }),
  plan: (planId: string): ItemKey => ({ PK: planPartition(planId), SK: 'PLAN' }),
  /** byDueDate index attributes for an active plan: its month and shard, and the oldest unpaid due date. */
  dueBy: (oldestUnpaidDueDate: string, planId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: dueMonthShard(oldestUnpaidDueDate.slice(0, 7), dueDateShardOf(planId)),
    [INDEXES.byDueDate.sortKey]: `${oldestUnpaidDueDate}#${planId}`,
  }),
  /** Every byDueDate partition of a month (`yyyy-mm`); a reader of the month must query them all. */
  dueMonthPartitions: (yearMonth: string): readonly string[] => Array.from({ length: DUE_DATE_SHARD_COUNT }, (_, shard) => dueMonthShard(yearMonth, shard)),
  /** byOwner index attributes: a customer's plans, sorted by (time-ordered) id. */
  ownedPlan: (customerId: string, planId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: ownerPartition(customerId),
    [INDEXES.byOwner.sortKey]: `PLAN#${planId}`,
  }),
  /** The ledger of one plan: its statement's journals. */
  planLedger: (planId: string): JournalOwner => ({ ownerPartitionKey: planPartition(planId) }),
  /** The byOwner sort-key prefix under which a customer's plans are listed. */
  ownedPlanPrefix: 'PLAN#',
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.offer, partitionKeyPrefix: 'CUSTOMER#', sortKeyPrefix: 'OFFER#', keySpace: 'table' },
  { entityType: ENTITY_TYPES.plan, partitionKeyPrefix: 'PLAN#', sortKeyPrefix: 'PLAN', keySpace: 'table' },
  { entityType: ENTITY_TYPES.plan, partitionKeyPrefix: 'OWNER#', sortKeyPrefix: 'PLAN#', keySpace: 'byOwner' },
  { entityType: ENTITY_TYPES.plan, partitionKeyPrefix: 'DUE#', sortKeyPrefix: '', keySpace: 'byDueDate' },
];

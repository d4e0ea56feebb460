/** The ledger's key formats: journals in partitions of their own, and sharded running balances per account. */
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = { journal: 'Journal', ledgerBalance: 'LedgerBalance' } as const;

/**
 * Journals are immutable, so each ledger's journals live in a partition that holds nothing else (see the audit
 * keys module for why): every function role is denied UpdateItem, DeleteItem and BatchWriteItem on partitions with this prefix.
 */
export const JOURNAL_PARTITION_PREFIX = 'JOURNAL#';

/**
 * Whose postings a journal partition holds, named by the owner's own partition key: a plan's (its statement,
 * `JOURNAL#PLAN#<id>`), or a reconciliation item's (money received into suspense).
 */
export interface JournalOwner {
  readonly ownerPartitionKey: string;
}

const journalPartition = (owner: JournalOwner): string => `${JOURNAL_PARTITION_PREFIX}${owner.ownerPartitionKey}`;

export const keys = {
  /** A journal in its ledger's partition; ids sort in posting order. */
  journal: (owner: JournalOwner, journalId: string): ItemKey => ({ PK: journalPartition(owner), SK: journalId }),
  /** The partition holding every journal of one ledger, e.g. a plan's statement. */
  journals: journalPartition,
  /**
   * Running debit and credit totals per ledger account type, spread over shards so that no single item takes
   * every posting (one DynamoDB item sustains about 1,000 writes a second; see docs/capacity.md).
   */
  ledgerBalance: (accountType: string, shard: number): ItemKey => ({ PK: `LEDGER#${accountType}`, SK: `SHARD#${String(shard).padStart(2, '0')}` }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.journal, partitionKeyPrefix: JOURNAL_PARTITION_PREFIX, sortKeyPrefix: '', keySpace: 'table' },
  { entityType: ENTITY_TYPES.ledgerBalance, partitionKeyPrefix: 'LEDGER#', sortKeyPrefix: 'SHARD#', keySpace: 'table' },
];

/** The audit context's key formats: each aggregate's hash chain in a partition of its own. */
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = { auditEntry: 'AuditEntry' } as const;

/** Audit sequence numbers are zero-padded so that entries sort in chain order. */
const AUDIT_SEQUENCE_DIGITS = 10;

/**
 * Audit entries are immutable, so they live in partitions that hold nothing else: IAM can condition only on the
 * partition key (`dynamodb:LeadingKeys`), and every function role is denied UpdateItem, DeleteItem and BatchWriteItem on partitions
 * starting with this prefix (lib/constructs/rabhan-function.ts). The catalogue's key test checks no other
 * partition key starts with it.
 */
export const AUDIT_PARTITION_PREFIX = 'AUDIT#';

/** An aggregate's audit chain: `AUDIT#` then the aggregate's own partition key, e.g. `AUDIT#CUSTOMER#<id>`. */
const auditChainPartition = (aggregatePartitionKey: string): string => `${AUDIT_PARTITION_PREFIX}${aggregatePartitionKey}`;

export const keys = {
  /** Entry `sequence` of the aggregate's audit chain. */
  auditEntry: (aggregatePartitionKey: string, sequence: number): ItemKey => ({
    PK: auditChainPartition(aggregatePartitionKey),
    SK: String(sequence).padStart(AUDIT_SEQUENCE_DIGITS, '0'),
  }),
  /** The partition holding an aggregate's whole audit chain, in chain order. */
  auditChain: auditChainPartition,
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [{ entityType: ENTITY_TYPES.auditEntry, partitionKeyPrefix: AUDIT_PARTITION_PREFIX, sortKeyPrefix: '', keySpace: 'table' }];

/** The customers context's key formats. The customer item also carries lending's exposure and arrears counters. */
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = { customer: 'Customer' } as const;

/** A customer's partition holds its profile and, as an item collection, what other contexts keep per customer. */
export const customerPartition = (customerId: string): string => `CUSTOMER#${customerId}`;

export const keys = {
  customer: (customerId: string): ItemKey => ({ PK: customerPartition(customerId), SK: 'PROFILE' }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [{ entityType: ENTITY_TYPES.customer, partitionKeyPrefix: 'CUSTOMER#', sortKeyPrefix: 'PROFILE', keySpace: 'table' }];

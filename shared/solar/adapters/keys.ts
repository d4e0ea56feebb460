/**
 * The solar context's key formats. A customer's electricity accounts, the guards that keep one SEC account from
 * being linked twice, and stored estimates all sit in the customer's partition, under sort-key prefixes of their own.
 */
import { customerPartition } from '../../customers/index.ts';
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = {
  electricityAccount: 'ElectricityAccount',
  electricityAccountNumberGuard: 'ElectricityAccountNumberGuard',
  solarEstimate: 'SolarEstimate',
} as const;

const ACCOUNT_PREFIX = 'ELECTRICITY_ACCOUNT#';
/** Keyed by the blind index of the SEC account number, never the number itself. */
const ACCOUNT_NUMBER_GUARD_PREFIX = 'SEC_ACCOUNT_NUMBER#';
const ESTIMATE_PREFIX = 'SOLAR_ESTIMATE#';

export const keys = {
  electricityAccount: (customerId: string, accountId: string): ItemKey => ({ PK: customerPartition(customerId), SK: `${ACCOUNT_PREFIX}${accountId}` }),
  electricityAccountNumberGuard: (customerId: string, accountNumberBlindIndex: string): ItemKey => ({
    PK: customerPartition(customerId),
    SK: `${ACCOUNT_NUMBER_GUARD_PREFIX}${accountNumberBlindIndex}`,
  }),
  solarEstimate: (customerId: string, estimateId: string): ItemKey => ({ PK: customerPartition(customerId), SK: `${ESTIMATE_PREFIX}${estimateId}` }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.electricityAccount, partitionKeyPrefix: 'CUSTOMER#', sortKeyPrefix: ACCOUNT_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.electricityAccountNumberGuard, partitionKeyPrefix: 'CUSTOMER#', sortKeyPrefix: ACCOUNT_NUMBER_GUARD_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.solarEstimate, partitionKeyPrefix: 'CUSTOMER#', sortKeyPrefix: ESTIMATE_PREFIX, keySpace: 'table' },
];

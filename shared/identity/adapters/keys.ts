/** The identity context's key formats: NAFATH sign-in, principals, refresh-token families and rate limits. */
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = {
  nafathSession: 'NafathSession',
  nafathTransaction: 'NafathTransaction',
  nafathCallback: 'NafathCallback',
  nationalIdGuard: 'NationalIdGuard',
  principal: 'Principal',
  refreshTokenFamily: 'RefreshTokenFamily',
  rateLimitWindow: 'RateLimitWindow',
} as const;

export const keys = {
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
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.nafathSession, partitionKeyPrefix: 'NAFATH_SESSION#', sortKeyPrefix: 'SESSION', keySpace: 'table' },
  { entityType: ENTITY_TYPES.nafathTransaction, partitionKeyPrefix: 'NAFATH_TXN#', sortKeyPrefix: 'TXN', keySpace: 'table' },
  { entityType: ENTITY_TYPES.nafathCallback, partitionKeyPrefix: 'NAFATH_CALLBACK#', sortKeyPrefix: 'CALLBACK', keySpace: 'table' },
  { entityType: ENTITY_TYPES.nationalIdGuard, partitionKeyPrefix: 'NID#', sortKeyPrefix: 'NID', keySpace: 'table' },
  { entityType: ENTITY_TYPES.principal, partitionKeyPrefix: 'PRINCIPAL#', sortKeyPrefix: 'PRINCIPAL', keySpace: 'table' },
  { entityType: ENTITY_TYPES.refreshTokenFamily, partitionKeyPrefix: 'REFRESH#', sortKeyPrefix: 'FAMILY', keySpace: 'table' },
  { entityType: ENTITY_TYPES.rateLimitWindow, partitionKeyPrefix: 'RATE#', sortKeyPrefix: 'RATE', keySpace: 'table' },
];

/** The platform context's key formats: pipeline canaries. */
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = { canaryEmission: 'CanaryEmission', canaryArrival: 'CanaryArrival' } as const;

export const keys = {
  canaryEmission: (canaryId: string): ItemKey => ({ PK: `CANARY#${canaryId}`, SK: 'EMISSION' }),
  canaryArrival: (canaryId: string): ItemKey => ({ PK: `CANARY#${canaryId}`, SK: 'ARRIVAL' }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.canaryEmission, partitionKeyPrefix: 'CANARY#', sortKeyPrefix: 'EMISSION', keySpace: 'table' },
  { entityType: ENTITY_TYPES.canaryArrival, partitionKeyPrefix: 'CANARY#', sortKeyPrefix: 'ARRIVAL', keySpace: 'table' },
];

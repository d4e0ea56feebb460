/**
 * The contractors context's key formats. A contractor's partition holds its profile, its staff decisions and the
 * guard that allows one pending decision at a time; guards keyed by VAT and unified number keep each company to one
 * application, and a membership keyed by principal says which contractor a signed-in person acts for.
 */
import type { ItemKey, KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = {
  contractor: 'Contractor',
  contractorVatGuard: 'ContractorVatGuard',
  contractorUnifiedNumberGuard: 'ContractorUnifiedNumberGuard',
  contractorMembership: 'ContractorMembership',
  contractorDecision: 'ContractorDecision',
  contractorPendingDecision: 'ContractorPendingDecision',
  contractorMemberInvite: 'ContractorMemberInvite',
  contractorIbanChange: 'ContractorIbanChange',
} as const;

/** A contractor's partition: its profile and, as an item collection, its decisions. Its audit chain hangs off it. */
export const contractorPartition = (contractorId: string): string => `CONTRACTOR#${contractorId}`;
const DECISION_PREFIX = 'DECISION#';
const IBAN_CHANGE_PREFIX = 'IBAN_CHANGE#';

export const keys = {
  contractor: (contractorId: string): ItemKey => ({ PK: contractorPartition(contractorId), SK: 'PROFILE' }),
  /** VAT numbers and unified numbers are the company's public identifiers, not personal data. */
  contractorVatGuard: (vatNumber: string): ItemKey => ({ PK: `CONTRACTOR_VAT#${vatNumber}`, SK: 'GUARD' }),
  contractorUnifiedNumberGuard: (unifiedNumber: string): ItemKey => ({ PK: `CONTRACTOR_UNIFIED_NUMBER#${unifiedNumber}`, SK: 'GUARD' }),
  contractorMembership: (principalId: string): ItemKey => ({ PK: `CONTRACTOR_MEMBER#${principalId}`, SK: 'MEMBERSHIP' }),
  contractorDecision: (contractorId: string, decisionId: string): ItemKey => ({ PK: contractorPartition(contractorId), SK: `${DECISION_PREFIX}${decisionId}` }),
  contractorPendingDecision: (contractorId: string): ItemKey => ({ PK: contractorPartition(contractorId), SK: 'PENDING_DECISION' }),
  /** A requested change of the payout IBAN, and its four-eyes decision. */
  contractorIbanChange: (contractorId: string, changeId: string): ItemKey => ({ PK: contractorPartition(contractorId), SK: `${IBAN_CHANGE_PREFIX}${changeId}` }),
  /** An administrator's invitation, keyed by the blind index of the member's national ID until they sign in. */
  contractorMemberInvite: (nationalIdBlindIndex: string): ItemKey => ({ PK: `CONTRACTOR_INVITE#${nationalIdBlindIndex}`, SK: 'INVITE' }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.contractor, partitionKeyPrefix: 'CONTRACTOR#', sortKeyPrefix: 'PROFILE', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorDecision, partitionKeyPrefix: 'CONTRACTOR#', sortKeyPrefix: DECISION_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorIbanChange, partitionKeyPrefix: 'CONTRACTOR#', sortKeyPrefix: IBAN_CHANGE_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorPendingDecision, partitionKeyPrefix: 'CONTRACTOR#', sortKeyPrefix: 'PENDING_DECISION', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorVatGuard, partitionKeyPrefix: 'CONTRACTOR_VAT#', sortKeyPrefix: 'GUARD', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorUnifiedNumberGuard, partitionKeyPrefix: 'CONTRACTOR_UNIFIED_NUMBER#', sortKeyPrefix: 'GUARD', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorMembership, partitionKeyPrefix: 'CONTRACTOR_MEMBER#', sortKeyPrefix: 'MEMBERSHIP', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorMemberInvite, partitionKeyPrefix: 'CONTRACTOR_INVITE#', sortKeyPrefix: 'INVITE', keySpace: 'table' },
];

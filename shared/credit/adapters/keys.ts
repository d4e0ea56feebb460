/** The credit context's key formats: assessments sit in the customer's partition, one item per assessment. */
import { customerPartition } from '../../customers/index.ts';
import { INDEXES, ownerPartition, type ItemKey, type KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = { creditAssessment: 'CreditAssessment' } as const;

const ASSESSMENT_SORT_KEY_PREFIX = 'ASSESSMENT#';

export const keys = {
  creditAssessment: (customerId: string, assessmentId: string): ItemKey => ({ PK: customerPartition(customerId), SK: `${ASSESSMENT_SORT_KEY_PREFIX}${assessmentId}` }),
  creditAssessmentPrefix: ASSESSMENT_SORT_KEY_PREFIX,
  /** byOwner index attributes: a customer's assessments, sorted by (time-ordered) id. */
  ownedAssessment: (customerId: string, assessmentId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: ownerPartition(customerId),
    [INDEXES.byOwner.sortKey]: `ASSESSMENT#${assessmentId}`,
  }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.creditAssessment, partitionKeyPrefix: 'CUSTOMER#', sortKeyPrefix: ASSESSMENT_SORT_KEY_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.creditAssessment, partitionKeyPrefix: 'OWNER#', sortKeyPrefix: 'ASSESSMENT#', keySpace: 'byOwner' },
];

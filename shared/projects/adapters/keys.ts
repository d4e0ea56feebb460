/**
 * The projects context's key formats. A project's partition holds the project, its installation address (ciphertext,
 * apart so that reads of the project never carry it), its staff decisions and the guard allowing one pending decision,
 * and its disbursements. A contractor's account holds its payable, and a link per project lists its projects.
 */
import type { JournalOwner } from '../../ledger/index.ts';
import { INDEXES, ownerPartition, shardOf, type ItemKey, type KeyPrefix } from '../../kernel/storage/table.ts';

/** byDueDate partitions for projects waiting out their cooling-off window; a few, since a project waits only days. */
export const NOTICE_TO_PROCEED_SHARD_COUNT = 4;
const noticeToProceedPartition = (shard: number): string => `NTP_DUE#${shard}`;
/** byDueDate partitions for projects waiting for a milestone, by the deadline after which they are stalled. */
export const STALL_SHARD_COUNT = 4;
const stallPartition = (shard: number): string => `STALL_DUE#${shard}`;
/** byDueDate partitions for projects whose customer has not yet answered M2, by when silence counts as confirmation. */
export const CONFIRMATION_SHARD_COUNT = 4;
const confirmationPartition = (shard: number): string => `CONFIRMATION_DUE#${shard}`;
/** byDueDate partitions for projects waiting for their down payment, by when the window closes. */
export const DOWN_PAYMENT_SHARD_COUNT = 4;
const downPaymentPartition = (shard: number): string => `DOWN_PAYMENT_DUE#${shard}`;

export const ENTITY_TYPES = {
  project: 'Project',
  installationAddress: 'InstallationAddress',
  milestoneDecision: 'MilestoneDecision',
  pendingMilestoneDecision: 'PendingMilestoneDecision',
  disbursement: 'Disbursement',
  payoutEvent: 'PayoutEvent',
  contractorAccount: 'ContractorAccount',
  contractorProjectLink: 'ContractorProjectLink',
} as const;

export const projectPartition = (projectId: string): string => `PROJECT#${projectId}`;
const contractorAccountPartition = (contractorId: string): string => `CONTRACTOR_ACCOUNT#${contractorId}`;
const DECISION_PREFIX = 'DECISION#';
const DISBURSEMENT_PREFIX = 'DISBURSEMENT#';
const PROJECT_LINK_PREFIX = 'PROJECT#';

export const keys = {
  project: (projectId: string): ItemKey => ({ PK: projectPartition(projectId), SK: 'PROJECT' }),
  installationAddress: (projectId: string): ItemKey => ({ PK: projectPartition(projectId), SK: 'INSTALLATION_ADDRESS' }),
  milestoneDecision: (projectId: string, decisionId: string): ItemKey => ({ PK: projectPartition(projectId), SK: `${DECISION_PREFIX}${decisionId}` }),
  pendingMilestoneDecision: (projectId: string): ItemKey => ({ PK: projectPartition(projectId), SK: 'PENDING_DECISION' }),
  disbursement: (projectId: string, disbursementId: string): ItemKey => ({ PK: projectPartition(projectId), SK: `${DISBURSEMENT_PREFIX}${disbursementId}` }),
  /** The sort-key prefix of a project's disbursements. */
  disbursementPrefix: DISBURSEMENT_PREFIX,
  /** Records a payout provider's event id once, so a redelivered outcome changes nothing. */
  payoutEvent: (providerEventId: string): ItemKey => ({ PK: `PAYOUT_EVENT#${providerEventId}`, SK: 'EVENT' }),
  /** byDueDate index attributes of a disbursement held for its contractor's IBAN change: released all together. */
  heldPayout: (contractorId: string, disbursementId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: `HELD_PAYOUTS#${contractorId}`,
    [INDEXES.byDueDate.sortKey]: disbursementId,
  }),
  heldPayoutsPartition: (contractorId: string): string => `HELD_PAYOUTS#${contractorId}`,
  /** A contractor's running payable: approved less sent, never negative. */
  contractorAccount: (contractorId: string): ItemKey => ({ PK: contractorAccountPartition(contractorId), SK: 'PAYABLE' }),
  /** One per project of a contractor, newest first by the project's (time-ordered) id: the contractor's list. */
  contractorProjectLink: (contractorId: string, projectId: string): ItemKey => ({ PK: contractorAccountPartition(contractorId), SK: `${PROJECT_LINK_PREFIX}${projectId}` }),
  contractorAccountPartition,
  contractorProjectLinkPrefix: PROJECT_LINK_PREFIX,
  /** byOwner index attributes: a customer's projects, newest first. */
  ownedProject: (customerId: string, projectId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: ownerPartition(customerId),
    [INDEXES.byOwner.sortKey]: `PROJECT#${projectId}`,
  }),
  ownedProjectPrefix: 'PROJECT#',
  /** byDueDate index attributes of a project in COOLING_OFF: the notice-to-proceed job finds it once the window ends. */
  noticeToProceedDue: (coolingOffEndsAt: string, projectId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: noticeToProceedPartition(shardOf(projectId, NOTICE_TO_PROCEED_SHARD_COUNT)),
    [INDEXES.byDueDate.sortKey]: `${coolingOffEndsAt}#${projectId}`,
  }),
  noticeToProceedPartitions: (): readonly string[] => Array.from({ length: NOTICE_TO_PROCEED_SHARD_COUNT }, (_, shard) => noticeToProceedPartition(shard)),
  /** byDueDate index attributes of a project waiting for a milestone: the stall job finds it once the deadline passes. */
  stallDue: (deadlineAt: string, projectId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: stallPartition(shardOf(projectId, STALL_SHARD_COUNT)),
    [INDEXES.byDueDate.sortKey]: `${deadlineAt}#${projectId}`,
  }),
  stallPartitions: (): readonly string[] => Array.from({ length: STALL_SHARD_COUNT }, (_, shard) => stallPartition(shard)),
  /** byDueDate index attributes of a project whose customer has not answered M2: the deemed-confirmation job's. */
  confirmationDue: (dueAt: string, projectId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: confirmationPartition(shardOf(projectId, CONFIRMATION_SHARD_COUNT)),
    [INDEXES.byDueDate.sortKey]: `${dueAt}#${projectId}`,
  }),
  /** byDueDate index attributes of a project waiting for its down payment: the down-payment window job's. */
  downPaymentDue: (dueAt: string, projectId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: downPaymentPartition(shardOf(projectId, DOWN_PAYMENT_SHARD_COUNT)),
    [INDEXES.byDueDate.sortKey]: `${dueAt}#${projectId}`,
  }),
  downPaymentPartitions: (): readonly string[] => Array.from({ length: DOWN_PAYMENT_SHARD_COUNT }, (_, shard) => downPaymentPartition(shard)),
  confirmationPartitions: (): readonly string[] => Array.from({ length: CONFIRMATION_SHARD_COUNT }, (_, shard) => confirmationPartition(shard)),
  /** The contractor's ledger: every journal that moves its payable, i.e. its statement. */
  contractorLedger: (contractorId: string): JournalOwner => ({ ownerPartitionKey: contractorAccountPartition(contractorId) }),
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.project, partitionKeyPrefix: 'PROJECT#', sortKeyPrefix: 'PROJECT', keySpace: 'table' },
  { entityType: ENTITY_TYPES.installationAddress, partitionKeyPrefix: 'PROJECT#', sortKeyPrefix: 'INSTALLATION_ADDRESS', keySpace: 'table' },
  { entityType: ENTITY_TYPES.milestoneDecision, partitionKeyPrefix: 'PROJECT#', sortKeyPrefix: DECISION_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.pendingMilestoneDecision, partitionKeyPrefix: 'PROJECT#', sortKeyPrefix: 'PENDING_DECISION', keySpace: 'table' },
  { entityType: ENTITY_TYPES.disbursement, partitionKeyPrefix: 'PROJECT#', sortKeyPrefix: DISBURSEMENT_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.payoutEvent, partitionKeyPrefix: 'PAYOUT_EVENT#', sortKeyPrefix: 'EVENT', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorAccount, partitionKeyPrefix: 'CONTRACTOR_ACCOUNT#', sortKeyPrefix: 'PAYABLE', keySpace: 'table' },
  { entityType: ENTITY_TYPES.contractorProjectLink, partitionKeyPrefix: 'CONTRACTOR_ACCOUNT#', sortKeyPrefix: PROJECT_LINK_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.project, partitionKeyPrefix: 'OWNER#', sortKeyPrefix: 'PROJECT#', keySpace: 'byOwner' },
  { entityType: ENTITY_TYPES.project, partitionKeyPrefix: 'NTP_DUE#', sortKeyPrefix: '', keySpace: 'byDueDate' },
  { entityType: ENTITY_TYPES.project, partitionKeyPrefix: 'STALL_DUE#', sortKeyPrefix: '', keySpace: 'byDueDate' },
  { entityType: ENTITY_TYPES.project, partitionKeyPrefix: 'CONFIRMATION_DUE#', sortKeyPrefix: '', keySpace: 'byDueDate' },
  { entityType: ENTITY_TYPES.project, partitionKeyPrefix: 'DOWN_PAYMENT_DUE#', sortKeyPrefix: '', keySpace: 'byDueDate' },
  { entityType: ENTITY_TYPES.disbursement, partitionKeyPrefix: 'HELD_PAYOUTS#', sortKeyPrefix: '', keySpace: 'byDueDate' },
];

/**
 * The projects context's transaction items and mappers. Every change of a project is conditional on the version it
 * read and appends its audit entry to the project's chain in the same write, so concurrent changes fail rather than
 * overwrite one another. Other contexts commit a project's change inside their own transaction with these builders
 * (docs/decisions/0010-the-owning-store-commits-a-cross-context-change.md).
 */
import { auditEntryPut, chainAuditEntry, type AuditEntryContent } from '../../audit/index.ts';
import type { EnvelopeFacts } from '../../kernel/messaging/event-envelope.ts';
import { outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import type { NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { journalWrites, type PostedJournal } from '../../ledger/index.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import type { Disbursement } from '../domain/disbursement.ts';
import { awaitsCustomerAnswer, awaitsDownPayment, MILESTONES, mayStall, openProject, type DownPaymentRefund, type Milestone, type MilestoneState, type Project, type ProjectPolicy } from '../domain/project.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

const iso = (date: Date | undefined): string | undefined => date?.toISOString();
const date = (value: unknown): Date | undefined => (value === undefined || value === null ? undefined : new Date(String(value)));
const defined = <T extends Record<string, unknown>>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

function milestoneAttributes(state: MilestoneState): Record<string, unknown> {
  return defined({
    amountHalalas: state.amountHalalas,
    submission:
      state.submission === undefined
        ? undefined
        : { files: state.submission.files, secReferenceNumber: state.submission.secReferenceNumber, submittedBy: state.submission.submittedBy, submittedAt: state.submission.submittedAt.toISOString() },
    approvedAt: iso(state.approvedAt),
    decisionId: state.decisionId,
  });
}

function toMilestone(item: Record<string, unknown>): MilestoneState {
  const submission = item.submission as Record<string, unknown> | undefined;
  return defined({
    amountHalalas: Number(item.amountHalalas),
    submission:
      submission === undefined
        ? undefined
        : { files: submission.files as NonNullable<MilestoneState['submission']>['files'], secReferenceNumber: String(submission.secReferenceNumber), submittedBy: String(submission.submittedBy), submittedAt: new Date(String(submission.submittedAt)) },
    approvedAt: date(item.approvedAt),
    decisionId: item.decisionId === undefined ? undefined : String(item.decisionId),
  }) as MilestoneState;
}

/** Everything about a project except its keys and audit head, as stored. */
export function projectAttributes(project: Project): Record<string, unknown> {
  return defined({
    entityType: ENTITY_TYPES.project,
    projectId: project.projectId,
    planId: project.planId,
    customerId: project.customerId,
    contractorId: project.contractorId,
    requestId: project.requestId,
    quoteId: project.quoteId,
    totalHalalas: project.totalHalalas,
    downPaymentHalalas: project.downPaymentHalalas,
    financedHalalas: project.financedHalalas,
    status: project.status,
    createdAt: project.createdAt.toISOString(),
    coolingOffEndsAt: project.coolingOffEndsAt.toISOString(),
    downPaymentReceivedAt: iso(project.downPaymentReceivedAt),
    downPaymentId: project.downPaymentId,
    cancelledAt: iso(project.cancelledAt),
    refund:
      project.refund === undefined
        ? undefined
        : defined({ ...project.refund, requestedAt: project.refund.requestedAt.toISOString(), settledAt: iso(project.refund.settledAt) }),
    pendingDownPaymentId: project.pendingDownPaymentId,
    downPaymentDueAt: iso(project.downPaymentDueAt),
    agreement: project.agreement === undefined ? undefined : { ...project.agreement, acceptedAt: project.agreement.acceptedAt.toISOString() },
    noticeToProceedAt: iso(project.noticeToProceedAt),
    addressDisclosureConsentedAt: iso(project.addressDisclosureConsentedAt),
    installationAddressProvided: project.installationAddressProvided,
    installationConfirmation:
      project.installationConfirmation === undefined ? undefined : { ...project.installationConfirmation, confirmedAt: project.installationConfirmation.confirmedAt.toISOString() },
    installationDispute: project.installationDispute === undefined ? undefined : { ...project.installationDispute, disputedAt: project.installationDispute.disputedAt.toISOString() },
    confirmationDueAt: iso(project.confirmationDueAt),
    milestones: Object.fromEntries(MILESTONES.map((milestone) => [milestone, milestoneAttributes(project.milestones[milestone])])),
    heldDownPaymentHalalas: project.heldDownPaymentHalalas,
    unsettledDisbursementCount: project.unsettledDisbursementCount,
    completedAt: iso(project.completedAt),
    stageDeadlineAt: iso(project.stageDeadlineAt),
    stalled: project.stalled === undefined ? undefined : { stage: project.stalled.stage, flaggedAt: project.stalled.flaggedAt.toISOString(), deadlineAt: project.stalled.deadlineAt.toISOString() },
    earlyEnding: project.earlyEnding === undefined ? undefined : { ...project.earlyEnding, endedAt: project.earlyEnding.endedAt.toISOString() },
    version: project.version,
    ...keys.ownedProject(project.customerId, project.projectId),
    // The byDueDate index is sparse, and a project is in it for one reason at a time: waiting out its cooling-off
    // window (the notice-to-proceed job), or waiting for a milestone it has not been flagged stalled for (the stall job).
    ...(project.status === 'COOLING_OFF' ? keys.noticeToProceedDue(project.coolingOffEndsAt.toISOString(), project.projectId) : {}),
    ...(mayStall(project) ? keys.stallDue(project.stageDeadlineAt!.toISOString(), project.projectId) : {}),
    // ... or waiting for its down payment, none in flight (the down-payment window job),
    ...(awaitsDownPayment(project) ? keys.downPaymentDue(project.downPaymentDueAt!.toISOString(), project.projectId) : {}),
    // ... or waiting for the customer's answer on M2 (the deemed-confirmation job).
    ...(awaitsCustomerAnswer(project) && project.confirmationDueAt !== undefined ? keys.confirmationDue(project.confirmationDueAt.toISOString(), project.projectId) : {}),
  });
}

export function toProject(item: Record<string, unknown>): Project {
  const agreement = item.agreement as Record<string, unknown> | undefined;
  const confirmation = item.installationConfirmation as Record<string, unknown> | undefined;
  const milestones = item.milestones as Record<string, Record<string, unknown>>;
  const stalled = item.stalled as Record<string, unknown> | undefined;
  const dispute = item.installationDispute as Record<string, unknown> | undefined;
  const refund = item.refund as Record<string, unknown> | undefined;
  const earlyEnding = item.earlyEnding as Record<string, unknown> | undefined;
  return defined({
    projectId: String(item.projectId),
    planId: String(item.planId),
    customerId: String(item.customerId),
    contractorId: String(item.contractorId),
    requestId: String(item.requestId),
    quoteId: String(item.quoteId),
    totalHalalas: Number(item.totalHalalas),
    downPaymentHalalas: Number(item.downPaymentHalalas),
    financedHalalas: Number(item.financedHalalas),
    status: item.status as Project['status'],
    createdAt: new Date(String(item.createdAt)),
    coolingOffEndsAt: new Date(String(item.coolingOffEndsAt)),
    downPaymentReceivedAt: date(item.downPaymentReceivedAt),
    downPaymentId: item.downPaymentId === undefined ? undefined : String(item.downPaymentId),
    cancelledAt: date(item.cancelledAt),
    refund:
      refund === undefined
        ? undefined
        : defined({
            refundId: String(refund.refundId),
            paymentId: String(refund.paymentId),
            amountHalalas: Number(refund.amountHalalas),
            fromRefundsDueHalalas: Number(refund.fromRefundsDueHalalas ?? 0),
            status: refund.status as DownPaymentRefund['status'],
            requestedAt: new Date(String(refund.requestedAt)),
            settledAt: date(refund.settledAt),
            failureReason: refund.failureReason === undefined ? undefined : String(refund.failureReason),
          }),
    pendingDownPaymentId: item.pendingDownPaymentId === undefined ? undefined : String(item.pendingDownPaymentId),
    downPaymentDueAt: date(item.downPaymentDueAt),
    agreement:
      agreement === undefined
        ? undefined
        : { termsVersion: String(agreement.termsVersion), termsSha256: String(agreement.termsSha256), acceptedAt: new Date(String(agreement.acceptedAt)), acceptedBy: String(agreement.acceptedBy) },
    noticeToProceedAt: date(item.noticeToProceedAt),
    addressDisclosureConsentedAt: date(item.addressDisclosureConsentedAt),
    installationAddressProvided: item.installationAddressProvided === true,
    installationConfirmation:
      confirmation === undefined ? undefined : { confirmedAt: new Date(String(confirmation.confirmedAt)), confirmedBy: String(confirmation.confirmedBy), deemed: confirmation.deemed === true },
    installationDispute: dispute === undefined ? undefined : { reason: String(dispute.reason), disputedAt: new Date(String(dispute.disputedAt)), disputedBy: String(dispute.disputedBy) },
    confirmationDueAt: date(item.confirmationDueAt),
    milestones: { M1: toMilestone(milestones.M1!), M2: toMilestone(milestones.M2!) },
    heldDownPaymentHalalas: Number(item.heldDownPaymentHalalas),
    unsettledDisbursementCount: Number(item.unsettledDisbursementCount),
    completedAt: date(item.completedAt),
    stageDeadlineAt: date(item.stageDeadlineAt),
    stalled: stalled === undefined ? undefined : { stage: stalled.stage as Milestone, flaggedAt: new Date(String(stalled.flaggedAt)), deadlineAt: new Date(String(stalled.deadlineAt)) },
    earlyEnding:
      earlyEnding === undefined
        ? undefined
        : {
            endedAt: new Date(String(earlyEnding.endedAt)),
            decisionId: String(earlyEnding.decisionId),
            undrawnFinancingHalalas: Number(earlyEnding.undrawnFinancingHalalas),
            cancelledFromPlanHalalas: Number(earlyEnding.cancelledFromPlanHalalas),
            repaidBeyondDrawnHalalas: Number(earlyEnding.repaidBeyondDrawnHalalas),
            clawbackHalalas: Number(earlyEnding.clawbackHalalas),
          },
    version: Number(item.version),
    auditHead: item.auditHeadHash === undefined ? { sequence: 0, hash: '0'.repeat(64) } : { sequence: Number(item.auditSequence), hash: String(item.auditHeadHash) },
  }) as Project;
}

/**
 * The project update that also appends its audit entry and advances the head, guarded by the version read. Attributes
 * the change dropped (a settled pending intent) are removed.
 */
export function projectUpdate(tableName: string, before: Project, after: Project, audit: AuditEntryContent): NamedTransactItem[] {
  const entry = chainAuditEntry(before.auditHead, audit);
  const attributes = projectAttributes({ ...after, version: before.version + 1 });
  const removed = Object.keys(projectAttributes(before)).filter((name) => !(name in attributes));
  const names = Object.fromEntries(Object.keys(attributes).map((name, index) => [`#a${index}`, name]));
  const values = Object.fromEntries(Object.values(attributes).map((value, index) => [`:a${index}`, value]));
  const removedNames = Object.fromEntries(removed.map((name, index) => [`#r${index}`, name]));
  return [
    { name: 'projectAuditEntryMustBeNew', item: auditEntryPut(tableName, keys.project(before.projectId), entry) },
    {
      name: 'projectUnchangedSinceRead',
      item: {
        Update: {
          TableName: tableName,
          Key: keys.project(before.projectId),
          UpdateExpression: `SET ${Object.keys(names).map((name, index) => `${name} = :a${index}`).join(', ')}, auditHeadHash = :auditHeadHash, auditSequence = :auditSequence${
            removed.length > 0 ? ` REMOVE ${Object.keys(removedNames).join(', ')}` : ''
          }`,
          ConditionExpression: 'version = :expectedVersion',
          ExpressionAttributeNames: { ...names, ...removedNames },
          ExpressionAttributeValues: { ...values, ':auditHeadHash': entry.hash, ':auditSequence': entry.sequence, ':expectedVersion': before.version },
        },
      },
    },
  ];
}

/** What opening a project commits inside the plan's transaction, and the event that announces it. */
export interface ProjectOpeningWrites {
  readonly writes: NamedTransactItem[];
  readonly events: OutboundEvent[];
}

/** A plan that finances a quote opens its project: the project, its first audit entry and the contractor's link. */
export function projectOpeningWrites(
  tableName: string,
  opening: Parameters<typeof openProject>[0],
  now: Date,
  policy: Pick<ProjectPolicy, 'milestoneOneBasisPoints' | 'downPaymentWindowSeconds'>,
  eventFacts: EnvelopeFacts,
): ProjectOpeningWrites {
  const project = openProject(opening, now, policy);
  const entry = chainAuditEntry(project.auditHead, {
    action: 'PROJECT_STARTED',
    actor: project.customerId,
    occurredAt: now.toISOString(),
    facts: { planId: project.planId, contractorId: project.contractorId, quoteId: project.quoteId, totalHalalas: project.totalHalalas, milestoneOneHalalas: project.milestones.M1.amountHalalas, milestoneTwoHalalas: project.milestones.M2.amountHalalas },
  });
  return {
    writes: [
      {
        name: 'projectMustBeNew',
        item: {
          Put: {
            TableName: tableName,
            Item: { ...keys.project(project.projectId), ...projectAttributes(project), auditHeadHash: entry.hash, auditSequence: entry.sequence },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      { name: 'projectAuditEntryMustBeNew', item: auditEntryPut(tableName, keys.project(project.projectId), entry) },
      {
        name: 'contractorProjectLinkMustBeNew',
        item: {
          Put: {
            TableName: tableName,
            Item: { ...keys.contractorProjectLink(project.contractorId, project.projectId), entityType: ENTITY_TYPES.contractorProjectLink, projectId: project.projectId, contractorId: project.contractorId },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
    ],
    events: [
      outboundEvent(
        PROJECTS_EVENTS.projectStarted,
        {
          projectId: project.projectId,
          planId: project.planId,
          contractorId: project.contractorId,
          customerId: project.customerId,
          totalHalalas: project.totalHalalas,
          downPaymentHalalas: project.downPaymentHalalas,
          financedHalalas: project.financedHalalas,
          startedAt: now.toISOString(),
        },
        eventFacts,
      ),
    ],
  };
}

export function disbursementAttributes(disbursement: Disbursement): Record<string, unknown> {
  return defined({
    entityType: ENTITY_TYPES.disbursement,
    disbursementId: disbursement.disbursementId,
    projectId: disbursement.projectId,
    contractorId: disbursement.contractorId,
    milestone: disbursement.milestone,
    sequence: disbursement.sequence,
    amountHalalas: disbursement.amountHalalas,
    status: disbursement.status,
    requestedAt: disbursement.requestedAt.toISOString(),
    sentAt: iso(disbursement.sentAt),
    settledAt: iso(disbursement.settledAt),
    failedAt: iso(disbursement.failedAt),
    returnedAt: iso(disbursement.returnedAt),
    failureReason: disbursement.failureReason,
    providerTransferId: disbursement.providerTransferId,
    heldForIbanChangeAt: iso(disbursement.heldForIbanChangeAt),
    // Only a held, still REQUESTED disbursement is in its contractor's held-payouts partition (a sparse index).
    ...(disbursement.status === 'REQUESTED' && disbursement.heldForIbanChangeAt !== undefined ? keys.heldPayout(disbursement.contractorId, disbursement.disbursementId) : {}),
  });
}

export function toDisbursement(item: Record<string, unknown>): Disbursement {
  return defined({
    disbursementId: String(item.disbursementId),
    projectId: String(item.projectId),
    contractorId: String(item.contractorId),
    milestone: item.milestone as Disbursement['milestone'],
    sequence: Number(item.sequence),
    amountHalalas: Number(item.amountHalalas),
    status: item.status as Disbursement['status'],
    requestedAt: new Date(String(item.requestedAt)),
    sentAt: date(item.sentAt),
    settledAt: date(item.settledAt),
    failedAt: date(item.failedAt),
    returnedAt: date(item.returnedAt),
    failureReason: item.failureReason === undefined ? undefined : String(item.failureReason),
    providerTransferId: item.providerTransferId === undefined ? undefined : String(item.providerTransferId),
    heldForIbanChangeAt: date(item.heldForIbanChangeAt),
  }) as Disbursement;
}

export function disbursementPut(tableName: string, disbursement: Disbursement): NamedTransactItem {
  return {
    name: `disbursementMustBeNew${disbursement.sequence}`,
    item: {
      Put: {
        TableName: tableName,
        Item: { ...keys.disbursement(disbursement.projectId, disbursement.disbursementId), ...disbursementAttributes(disbursement) },
        ConditionExpression: CONDITIONS.itemMustNotExist,
      },
    },
  };
}

/** A disbursement's change, guarded by the status (and hold) it was read in; attributes the change dropped are removed. */
export function disbursementUpdate(tableName: string, before: Disbursement, after: Disbursement): NamedTransactItem {
  const attributes = disbursementAttributes(after);
  const removed = Object.keys(disbursementAttributes(before)).filter((name) => !(name in attributes));
  const names = Object.fromEntries(Object.keys(attributes).map((name, index) => [`#d${index}`, name]));
  const values = Object.fromEntries(Object.values(attributes).map((value, index) => [`:d${index}`, value]));
  const removedNames = Object.fromEntries(removed.map((name, index) => [`#r${index}`, name]));
  return {
    name: 'disbursementUnchangedSinceRead',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.disbursement(before.projectId, before.disbursementId),
        UpdateExpression: `SET ${Object.keys(names).map((name, index) => `${name} = :d${index}`).join(', ')}${removed.length > 0 ? ` REMOVE ${Object.keys(removedNames).join(', ')}` : ''}`,
        ConditionExpression: '#status = :expectedStatus',
        ExpressionAttributeNames: { ...names, ...removedNames, '#status': 'status' },
        ExpressionAttributeValues: { ...values, ':expectedStatus': before.status },
      },
    },
  };
}

/**
 * The contractor's running payable, changed by `deltaHalalas`. A decrease (sending money) is conditional on the payable
 * covering it, so the payable is never negative whatever runs at the same time.
 */
export function contractorPayableChange(
  tableName: string,
  contractorId: string,
  change: { readonly payableDeltaHalalas: number; readonly approvedDeltaHalalas?: number; readonly paidDeltaHalalas?: number; readonly receivableDeltaHalalas?: number },
): NamedTransactItem {
  const decreases = change.payableDeltaHalalas < 0;
  return {
    name: 'contractorPayableCoversTransfer',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.contractorAccount(contractorId),
        UpdateExpression: 'SET entityType = :entityType, contractorId = :contractorId ADD payableHalalas :payable, approvedHalalas :approved, paidHalalas :paid, receivableHalalas :receivable',
        ...(decreases ? { ConditionExpression: 'payableHalalas >= :required' } : {}),
        ExpressionAttributeValues: {
          ':entityType': ENTITY_TYPES.contractorAccount,
          ':contractorId': contractorId,
          ':payable': change.payableDeltaHalalas,
          ':approved': change.approvedDeltaHalalas ?? 0,
          ':paid': change.paidDeltaHalalas ?? 0,
          ':receivable': change.receivableDeltaHalalas ?? 0,
          ...(decreases ? { ':required': -change.payableDeltaHalalas } : {}),
        },
      },
    },
  };
}

/** A journal posted to the contractor's ledger: its statement. */
export function contractorJournalWrites(tableName: string, contractorId: string, journal: PostedJournal, projectId: string): NamedTransactItem[] {
  return journalWrites(tableName, journal, keys.contractorLedger(contractorId), { contractorId, projectId });
}

/**
 * An installation project: what a plan that finances an installer's quote buys, from the down payment to the last
 * disbursement. Pure: the use-cases decide when, adapters store the result. docs/projects.md tells the whole story.
 */
import { basisPointsOfHalalasRoundedHalfUp } from '../../kernel/money.ts';

export const PROJECT_STATUSES = [
  'AWAITING_DOWN_PAYMENT',
  'AWAITING_AGREEMENT',
  'COOLING_OFF',
  'NOTICE_TO_PROCEED',
  'M1_SUBMITTED',
  'M1_APPROVED',
  'M2_SUBMITTED',
  'M2_APPROVED',
  'COMPLETED',
  'CANCELLED',
  'ENDED_EARLY',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONES = ['M1', 'M2'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** What each milestone's evidence must include: files by kind, and reference numbers. */
export const EVIDENCE_FILE_KINDS = ['SIGNED_INSTALLATION_CONTRACT', 'INSTALLATION_PHOTO'] as const;
export type EvidenceFileKind = (typeof EVIDENCE_FILE_KINDS)[number];

export interface MilestoneRequirements {
  readonly fileKinds: readonly EvidenceFileKind[];
  /** The SEC reference the contractor must give: the connection application (M1) or its approval (M2). */
  readonly secReference: 'secConnectionApplicationNumber' | 'secConnectionApprovalNumber';
  /** M2 is paid only once the customer confirms (or is deemed to have confirmed) the installation. */
  readonly customerConfirmationRequired: boolean;
}

export const MILESTONE_REQUIREMENTS: Readonly<Record<Milestone, MilestoneRequirements>> = {
  M1: { fileKinds: ['SIGNED_INSTALLATION_CONTRACT'], secReference: 'secConnectionApplicationNumber', customerConfirmationRequired: false },
  M2: { fileKinds: ['INSTALLATION_PHOTO'], secReference: 'secConnectionApprovalNumber', customerConfirmationRequired: true },
};

export interface EvidenceFile {
  readonly fileId: string;
  readonly kind: EvidenceFileKind;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface MilestoneSubmission {
  readonly files: readonly EvidenceFile[];
  readonly secReferenceNumber: string;
  readonly submittedBy: string;
  readonly submittedAt: Date;
}

export interface MilestoneState {
  readonly amountHalalas: number;
  readonly submission?: MilestoneSubmission;
  readonly approvedAt?: Date;
  /** The staff decision that approved it. */
  readonly decisionId?: string;
}

/** The customer's acceptance of the financing agreement, as evidence of what exactly was accepted. */
export interface AgreementAcceptance {
  readonly termsVersion: string;
  /** SHA-256 (hex) of the canonical JSON of the terms and schedule shown. */
  readonly termsSha256: string;
  readonly acceptedAt: Date;
  readonly acceptedBy: string;
}

export interface InstallationConfirmation {
  readonly confirmedAt: Date;
  readonly confirmedBy: string;
  /** True when the customer did not answer within the window and is deemed to have confirmed. */
  readonly deemed: boolean;
}

/** The customer says the installation is not what was submitted: M2's payout waits for staff to resolve it. */
export interface InstallationDispute {
  readonly reason: string;
  readonly disputedAt: Date;
  readonly disputedBy: string;
}

export type RefundStatus = 'REQUESTED' | 'SUCCEEDED' | 'FAILED';

/**
 * Money going back to the customer through the gateway: the held down payment after a cancellation, and after an
 * early ending also what they repaid beyond the financing drawn for their contractor.
 */
export interface DownPaymentRefund {
  /** `<projectId>-REFUND`: one refund per project, and the gateway's webhook leads back to it. */
  readonly refundId: string;
  /** The down payment's payment intent, whose capture is refunded. */
  readonly paymentId: string;
  readonly amountHalalas: number;
  /** The part of the amount that is not held down payment: repaid beyond the financing drawn (an early ending). */
  readonly fromRefundsDueHalalas: number;
  readonly status: RefundStatus;
  readonly requestedAt: Date;
  readonly settledAt?: Date;
  readonly failureReason?: string;
}

/**
 * Staff ended a project stalled after M1, with four eyes: what the customer no longer owes, what goes back to them,
 * and what RABHAN claims back from the contractor (docs/projects.md, "Ending a stalled project early").
 */
export interface EarlyEnding {
  readonly endedAt: Date;
  readonly decisionId: string;
  /** Financing never drawn for the contractor: M2 less the down payment still held. It leaves the customer's plan. */
  readonly undrawnFinancingHalalas: number;
  /** Of it, what the plan still owed and no longer does. */
  readonly cancelledFromPlanHalalas: number;
  /** Of it, what the customer had already repaid: refunded, with the held down payment. */
  readonly repaidBeyondDrawnHalalas: number;
  /** What the contractor was paid for the project, claimed back for the customer. */
  readonly clawbackHalalas: number;
}

export interface Project {
  readonly projectId: string;
  readonly planId: string;
  readonly customerId: string;
  readonly contractorId: string;
  readonly requestId: string;
  readonly quoteId: string;
  /** The quote's total: what the contractor is paid in all, from the down payment and the financing together. */
  readonly totalHalalas: number;
  readonly downPaymentHalalas: number;
  readonly financedHalalas: number;
  readonly status: ProjectStatus;
  readonly createdAt: Date;
  /** When the plan's cooling-off window ends: no work starts and no money leaves before it. */
  readonly coolingOffEndsAt: Date;
  readonly downPaymentReceivedAt?: Date;
  /** The payment intent that paid the down payment. */
  readonly downPaymentId?: string;
  readonly cancelledAt?: Date;
  readonly refund?: DownPaymentRefund;
  /** A down payment not received by then cancels the project and its plan. */
  readonly downPaymentDueAt?: Date;
  /** The payment intent for the down payment awaiting the gateway, if any. */
  readonly pendingDownPaymentId?: string;
  readonly agreement?: AgreementAcceptance;
  readonly noticeToProceedAt?: Date;
  /** The customer consented to disclose the installation address, name and phone to the chosen contractor. */
  readonly addressDisclosureConsentedAt?: Date;
  readonly installationAddressProvided: boolean;
  readonly installationConfirmation?: InstallationConfirmation;
  readonly installationDispute?: InstallationDispute;
  /** After M2's submission, when the customer's silence becomes a deemed confirmation. */
  readonly confirmationDueAt?: Date;
  readonly milestones: Readonly<Record<Milestone, MilestoneState>>;
  /** Down payment still held for the contractor: approvals draw on it before the financing. */
  readonly heldDownPaymentHalalas: number;
  /** Disbursements of this project not yet settled; the project completes when M2 is approved and this is 0. */
  readonly unsettledDisbursementCount: number;
  readonly completedAt?: Date;
  /** By when the contractor must submit the next milestone: set at notice to proceed (M1) and at M1's approval (M2). */
  readonly stageDeadlineAt?: Date;
  /** The project overstayed its stage: flagged by the stall job, once per stage. */
  readonly stalled?: { readonly stage: Milestone; readonly flaggedAt: Date; readonly deadlineAt: Date };
  readonly earlyEnding?: EarlyEnding;
  /** Optimistic-lock version: every update is conditional on it. */
  readonly version: number;
  readonly auditHead: { readonly sequence: number; readonly hash: string };
}

/** The audit head of an aggregate with no entries yet. */
const GENESIS_HEAD = { sequence: 0, hash: '0'.repeat(64) } as const;

export interface ProjectPolicy {
  /** M1's share of the quote's total; M2 takes the rest, so the two always sum to the total. */
  readonly milestoneOneBasisPoints: number;
  /** One bank transfer carries at most this much; a larger disbursement is split (sarie's per-transfer limits). */
  readonly payoutTransferLimitHalalas: number;
  /** The first installment falls due this many months after notice to proceed. */
  readonly firstInstallmentMonthsAfterNoticeToProceed: number;
  /** From notice to proceed until M1 is submitted; past it the project is flagged stalled. */
  readonly noticeToProceedToMilestoneOneSeconds: number;
  /** From M1's approval until M2 is submitted; past it the project is flagged stalled. */
  readonly milestoneOneToMilestoneTwoSeconds: number;
  /** After M2's submission, how long the customer has to confirm or dispute before being deemed to confirm. */
  readonly installationConfirmationSeconds: number;
  /** From the project's opening, how long the customer has to pay the down payment before it is cancelled. */
  readonly downPaymentWindowSeconds: number;
}

const DAY_SECONDS = 24 * 60 * 60;

export const DEFAULT_PROJECT_POLICY: ProjectPolicy = {
  milestoneOneBasisPoints: 5_000,
  // SAR 20,000: Riyad Bank's sarie limit per transfer to a saved beneficiary (solar.md).
  payoutTransferLimitHalalas: 20_000_00,
  firstInstallmentMonthsAfterNoticeToProceed: 1,
  // Palmetto LightReach cancels a file whose NTP → M1 takes over 160 days, and claws back after 115 days M1 → M2 (solar.md).
  noticeToProceedToMilestoneOneSeconds: 160 * DAY_SECONDS,
  milestoneOneToMilestoneTwoSeconds: 115 * DAY_SECONDS,
  installationConfirmationSeconds: 7 * DAY_SECONDS,
  downPaymentWindowSeconds: 7 * DAY_SECONDS,
};

/** Each milestone's amount: M1 its basis points of the total (half up), M2 the rest, so they sum exactly. */
export function milestoneAmounts(totalHalalas: number, milestoneOneBasisPoints: number): Readonly<Record<Milestone, number>> {
  const m1 = basisPointsOfHalalasRoundedHalfUp(totalHalalas, milestoneOneBasisPoints);
  return { M1: m1, M2: totalHalalas - m1 };
}

/** What a plan that finances a quote tells its project at opening. */
export type ProjectOpening = Pick<Project, 'planId' | 'customerId' | 'contractorId' | 'requestId' | 'quoteId' | 'totalHalalas' | 'downPaymentHalalas' | 'financedHalalas' | 'coolingOffEndsAt'>;

export function openProject(
  opening: ProjectOpening,
  now: Date,
  policy: Pick<ProjectPolicy, 'milestoneOneBasisPoints' | 'downPaymentWindowSeconds'>,
): Project {
  const amounts = milestoneAmounts(opening.totalHalalas, policy.milestoneOneBasisPoints);
  const awaitsDownPayment = opening.downPaymentHalalas > 0;
  return {
    // One project per financed purchase, so it shares its plan's id: docs/decisions/0024-a-project-shares-its-plans-id.md.
    projectId: opening.planId,
    ...opening,
    // A quote fully paid by the financing has no down payment to wait for.
    status: awaitsDownPayment ? 'AWAITING_DOWN_PAYMENT' : 'AWAITING_AGREEMENT',
    createdAt: now,
    ...(awaitsDownPayment ? { downPaymentDueAt: new Date(now.getTime() + policy.downPaymentWindowSeconds * 1000) } : {}),
    installationAddressProvided: false,
    milestones: { M1: { amountHalalas: amounts.M1 }, M2: { amountHalalas: amounts.M2 } },
    heldDownPaymentHalalas: 0,
    unsettledDisbursementCount: 0,
    version: 1,
    auditHead: GENESIS_HEAD,
  };
}

/** What a refusal of a transition means; the use-case maps each to its API error. */
export type TransitionRefusal =
  | 'PROJECT_STATUS_CONFLICT'
  | 'INSTALLATION_ADDRESS_REQUIRED'
  | 'EVIDENCE_INCOMPLETE'
  | 'INSTALLATION_NOT_CONFIRMED'
  | 'CANCELLATION_WAITS_FOR_DOWN_PAYMENT'
  | 'EARLY_END_NOT_ALLOWED'
  | 'EARLY_END_WAITS_FOR_DISBURSEMENTS'
  | 'EARLY_END_REFUND_EXCEEDS_DOWN_PAYMENT';

export type Transition = { readonly kind: 'moved'; readonly project: Project } | { readonly kind: 'refused'; readonly refusal: TransitionRefusal };

const moved = (project: Project): Transition => ({ kind: 'moved', project });
const refused = (refusal: TransitionRefusal): Transition => ({ kind: 'refused', refusal });

/** The down payment arrived: it is held for the contractor, and the customer may now accept the agreement. */
export function receiveDownPayment(project: Project, amountHalalas: number, now: Date, paymentId: string): Transition {
  if (project.status !== 'AWAITING_DOWN_PAYMENT' || amountHalalas !== project.downPaymentHalalas) return refused('PROJECT_STATUS_CONFLICT');
  const { pendingDownPaymentId: _settled, ...rest } = project;
  return moved({ ...rest, status: 'AWAITING_AGREEMENT', downPaymentReceivedAt: now, downPaymentId: paymentId, heldDownPaymentHalalas: amountHalalas });
}

/** The customer may withdraw until notice to proceed: no work has started and no money has reached the contractor. */
export const CANCELLABLE_STATUSES: readonly ProjectStatus[] = ['AWAITING_DOWN_PAYMENT', 'AWAITING_AGREEMENT', 'COOLING_OFF'];

/** Whether the down-payment window job should look at the project: awaiting a down payment, none in flight. */
export const awaitsDownPayment = (project: Project): boolean => project.status === 'AWAITING_DOWN_PAYMENT' && project.pendingDownPaymentId === undefined && project.downPaymentDueAt !== undefined;

export const refundIdOf = (projectId: string): string => `${projectId}-REFUND`;

/** The project a refund id names, or undefined for an id we never issued. */
export function projectOfRefundId(refundId: string): string | undefined {
  return /^([0-9A-HJKMNP-TV-Z]{26})-REFUND$/.exec(refundId)?.[1];
}

/**
 * The project as cancelled: a held down payment is to be refunded in full. While a down-payment intent waits for the
 * gateway the cancellation must wait too, or money could arrive for a project that no longer takes it.
 */
export function cancelProject(project: Project, now: Date): Transition {
  if (!CANCELLABLE_STATUSES.includes(project.status)) return refused('PROJECT_STATUS_CONFLICT');
  if (project.pendingDownPaymentId !== undefined) return refused('CANCELLATION_WAITS_FOR_DOWN_PAYMENT');
  const refund: DownPaymentRefund | undefined =
    project.heldDownPaymentHalalas > 0 && project.downPaymentId !== undefined
      ? { refundId: refundIdOf(project.projectId), paymentId: project.downPaymentId, amountHalalas: project.heldDownPaymentHalalas, fromRefundsDueHalalas: 0, status: 'REQUESTED', requestedAt: now }
      : undefined;
  return moved({ ...project, status: 'CANCELLED', cancelledAt: now, ...(refund === undefined ? {} : { refund }) });
}

/** Only a project stalled waiting for M2 may be ended early: M1 was paid for, and M2 is overdue (the issue's rule). */
export const mayEndEarly = (project: Project): boolean => project.status === 'M1_APPROVED' && project.stalled?.stage === 'M2';

/**
 * Ends a project stalled after M1 (a confirmed four-eyes decision). The financing never drawn for the contractor,
 * M2 less the down payment still held, leaves the customer's plan: what the plan still owes is cancelled, and what the
 * customer had already repaid beyond it is refunded with the held down payment, in one refund against the down
 * payment's capture. Everything the contractor was paid is claimed back for the customer. `planOwesHalalas` is the
 * plan's outstanding balance, with no payment intent in flight.
 */
export function endProjectEarly(project: Project, planOwesHalalas: number, decisionId: string, now: Date): Transition {
  if (!mayEndEarly(project)) return refused('EARLY_END_NOT_ALLOWED');
  // A transfer not yet settled (or failed, waiting to be paid again) leaves what the contractor was paid unknown.
  if (project.unsettledDisbursementCount > 0) return refused('EARLY_END_WAITS_FOR_DISBURSEMENTS');
  const paidToContractorHalalas = approvedTotalHalalas(project);
  const undrawnFinancingHalalas = project.milestones.M2.amountHalalas - project.heldDownPaymentHalalas;
  const cancelledFromPlanHalalas = Math.min(undrawnFinancingHalalas, planOwesHalalas);
  const repaidBeyondDrawnHalalas = undrawnFinancingHalalas - cancelledFromPlanHalalas;
  const refundHalalas = project.heldDownPaymentHalalas + repaidBeyondDrawnHalalas;
  // One refund against the down payment's capture, which a gateway refunds at most in full.
  if (refundHalalas > 0 && (project.downPaymentId === undefined || refundHalalas > project.downPaymentHalalas)) return refused('EARLY_END_REFUND_EXCEEDS_DOWN_PAYMENT');
  const refund: DownPaymentRefund | undefined =
    refundHalalas > 0
      ? { refundId: refundIdOf(project.projectId), paymentId: project.downPaymentId!, amountHalalas: refundHalalas, fromRefundsDueHalalas: repaidBeyondDrawnHalalas, status: 'REQUESTED', requestedAt: now }
      : undefined;
  const { stageDeadlineAt: _noLongerAwaited, ...rest } = project;
  return moved({
    ...rest,
    status: 'ENDED_EARLY',
    earlyEnding: { endedAt: now, decisionId, undrawnFinancingHalalas, cancelledFromPlanHalalas, repaidBeyondDrawnHalalas, clawbackHalalas: paidToContractorHalalas },
    ...(refund === undefined ? {} : { refund }),
  });
}

/**
 * The gateway's answer to the refund: a success releases the held money; a failure keeps it held for ops to settle
 * with the customer. Undefined when the refund is no longer waiting for an answer (a repeated or late report).
 */
export function settleRefund(project: Project, outcome: 'SUCCEEDED' | 'FAILED', now: Date, reason: string | undefined): Project | undefined {
  if (project.refund?.status !== 'REQUESTED') return undefined;
  const refund: DownPaymentRefund = { ...project.refund, status: outcome, settledAt: now, ...(reason === undefined ? {} : { failureReason: reason }) };
  return { ...project, refund, ...(outcome === 'SUCCEEDED' ? { heldDownPaymentHalalas: 0 } : {}) };
}

export function acceptAgreement(project: Project, agreement: AgreementAcceptance): Transition {
  if (project.status !== 'AWAITING_AGREEMENT') return refused('PROJECT_STATUS_CONFLICT');
  if (!project.installationAddressProvided) return refused('INSTALLATION_ADDRESS_REQUIRED');
  return moved({ ...project, status: 'COOLING_OFF', agreement });
}

/** Only once the customer can no longer withdraw does the contractor get notice to proceed. */
export function issueNoticeToProceed(project: Project, now: Date, policy: Pick<ProjectPolicy, 'noticeToProceedToMilestoneOneSeconds'>): Transition {
  if (project.status !== 'COOLING_OFF' || now < project.coolingOffEndsAt) return refused('PROJECT_STATUS_CONFLICT');
  return moved({ ...project, status: 'NOTICE_TO_PROCEED', noticeToProceedAt: now, stageDeadlineAt: new Date(now.getTime() + policy.noticeToProceedToMilestoneOneSeconds * 1000) });
}

/** The milestone a project in this status is waiting for the contractor to submit, if any. */
export function milestoneAwaited(status: ProjectStatus): Milestone | undefined {
  if (status === 'NOTICE_TO_PROCEED') return 'M1';
  if (status === 'M1_APPROVED') return 'M2';
  return undefined;
}

/** Whether the stall job should look at the project again: waiting for a milestone, not yet flagged for it. */
export function mayStall(project: Project): boolean {
  const awaited = milestoneAwaited(project.status);
  return awaited !== undefined && project.stageDeadlineAt !== undefined && project.stalled?.stage !== awaited;
}

/** Flags a project that overstayed its stage; undefined when it has not (or is already flagged for this stage). */
export function flagStalled(project: Project, now: Date): Project | undefined {
  if (!mayStall(project) || project.stageDeadlineAt === undefined || now < project.stageDeadlineAt) return undefined;
  return { ...project, stalled: { stage: milestoneAwaited(project.status)!, flaggedAt: now, deadlineAt: project.stageDeadlineAt } };
}

/** The status a milestone may be submitted from, and the one submission moves to. */
const SUBMISSION: Readonly<Record<Milestone, { readonly from: ProjectStatus; readonly to: ProjectStatus }>> = {
  M1: { from: 'NOTICE_TO_PROCEED', to: 'M1_SUBMITTED' },
  M2: { from: 'M1_APPROVED', to: 'M2_SUBMITTED' },
};
const APPROVAL: Readonly<Record<Milestone, { readonly from: ProjectStatus; readonly to: ProjectStatus }>> = {
  M1: { from: 'M1_SUBMITTED', to: 'M1_APPROVED' },
  M2: { from: 'M2_SUBMITTED', to: 'M2_APPROVED' },
};

/** Whether evidence may be uploaded for a milestone now: from notice to proceed until it is submitted. */
export function acceptsEvidenceUploads(project: Project, milestone: Milestone): boolean {
  return project.status === SUBMISSION[milestone].from;
}

export function submitMilestone(project: Project, milestone: Milestone, submission: MilestoneSubmission, policy: Pick<ProjectPolicy, 'installationConfirmationSeconds'>): Transition {
  if (project.status !== SUBMISSION[milestone].from) return refused('PROJECT_STATUS_CONFLICT');
  const required = MILESTONE_REQUIREMENTS[milestone].fileKinds;
  if (!required.every((kind) => submission.files.some((file) => file.kind === kind))) return refused('EVIDENCE_INCOMPLETE');
  const state = project.milestones[milestone];
  // A staff rejection sends the milestone back to its submitting status, so a resubmission replaces the evidence
  // and asks the customer again.
  const { installationConfirmation: _confirmed, installationDispute: _disputed, confirmationDueAt: _due, ...rest } = project;
  const asksCustomer = MILESTONE_REQUIREMENTS[milestone].customerConfirmationRequired;
  return moved({
    ...rest,
    status: SUBMISSION[milestone].to,
    milestones: { ...project.milestones, [milestone]: { ...state, submission } },
    ...(asksCustomer ? { confirmationDueAt: new Date(submission.submittedAt.getTime() + policy.installationConfirmationSeconds * 1000) } : {}),
  });
}

/** Whether the customer still has to answer M2: submitted, neither confirmed nor disputed. */
export function awaitsCustomerAnswer(project: Project): boolean {
  return project.status === 'M2_SUBMITTED' && project.installationConfirmation === undefined && project.installationDispute === undefined;
}

export function confirmInstallation(project: Project, confirmation: InstallationConfirmation): Transition {
  if (!awaitsCustomerAnswer(project)) return refused('PROJECT_STATUS_CONFLICT');
  // A deemed confirmation only once the window has passed.
  if (confirmation.deemed && (project.confirmationDueAt === undefined || confirmation.confirmedAt < project.confirmationDueAt)) return refused('PROJECT_STATUS_CONFLICT');
  return moved({ ...project, installationConfirmation: confirmation });
}

export function disputeInstallation(project: Project, dispute: InstallationDispute): Transition {
  if (!awaitsCustomerAnswer(project)) return refused('PROJECT_STATUS_CONFLICT');
  return moved({ ...project, installationDispute: dispute });
}

/**
 * M2 may be approved once the customer confirmed (or is deemed to have), or, when they disputed, as staff's
 * resolution of the dispute in the contractor's favour: the dispute held the payout until staff decide.
 */
export const customerAnswered = (project: Project): boolean => project.installationConfirmation !== undefined || project.installationDispute !== undefined;

/** A staff rejection: the milestone goes back to the contractor, who submits new evidence. */
export function rejectMilestone(project: Project, milestone: Milestone): Transition {
  if (project.status !== APPROVAL[milestone].from) return refused('PROJECT_STATUS_CONFLICT');
  return moved({ ...project, status: SUBMISSION[milestone].from });
}

export interface MilestoneApproval {
  readonly project: Project;
  /** Drawn from the down payment held for the contractor. */
  readonly fromDownPaymentHalalas: number;
  /** Drawn from RABHAN's financing of the plan. */
  readonly fromFundingHalalas: number;
  /** The bank transfers that pay it, each within the transfer limit, summing exactly to the milestone's amount. */
  readonly transferAmountsHalalas: readonly number[];
}

export type ApprovalOutcome = { readonly kind: 'approved'; readonly approval: MilestoneApproval } | { readonly kind: 'refused'; readonly refusal: TransitionRefusal };

/** Approval credits the contractor: the held down payment is drawn first, then the financing. */
export function approveMilestone(
  project: Project,
  milestone: Milestone,
  decisionId: string,
  now: Date,
  policy: Pick<ProjectPolicy, 'payoutTransferLimitHalalas' | 'milestoneOneToMilestoneTwoSeconds'>,
): ApprovalOutcome {
  if (project.status !== APPROVAL[milestone].from) return { kind: 'refused', refusal: 'PROJECT_STATUS_CONFLICT' };
  if (MILESTONE_REQUIREMENTS[milestone].customerConfirmationRequired && !customerAnswered(project)) {
    return { kind: 'refused', refusal: 'INSTALLATION_NOT_CONFIRMED' };
  }
  const state = project.milestones[milestone];
  const fromDownPaymentHalalas = Math.min(project.heldDownPaymentHalalas, state.amountHalalas);
  const transferAmountsHalalas = splitUnderLimit(state.amountHalalas, policy.payoutTransferLimitHalalas);
  const { stageDeadlineAt: _met, ...rest } = project;
  return {
    kind: 'approved',
    approval: {
      project: {
        ...rest,
        // M2 is due a policy period after M1's approval; after M2's, nothing more is awaited from the contractor.
        ...(milestone === 'M1' ? { stageDeadlineAt: new Date(now.getTime() + policy.milestoneOneToMilestoneTwoSeconds * 1000) } : {}),
        status: APPROVAL[milestone].to,
        heldDownPaymentHalalas: project.heldDownPaymentHalalas - fromDownPaymentHalalas,
        unsettledDisbursementCount: project.unsettledDisbursementCount + transferAmountsHalalas.length,
        milestones: { ...project.milestones, [milestone]: { ...state, approvedAt: now, decisionId } },
      },
      fromDownPaymentHalalas,
      fromFundingHalalas: state.amountHalalas - fromDownPaymentHalalas,
      transferAmountsHalalas,
    },
  };
}

/** Transfers per disbursement split are bounded, so one approval fits in one transaction. */
export const TRANSFERS_PER_MILESTONE_MAX = 20;

/**
 * The fewest transfers within `limitHalalas` that sum exactly to `amountHalalas`, as equal as halalas allow (the
 * first ones carry the remainder). Throws when the limit would need more than TRANSFERS_PER_MILESTONE_MAX transfers.
 */
export function splitUnderLimit(amountHalalas: number, limitHalalas: number): number[] {
  if (!Number.isSafeInteger(amountHalalas) || amountHalalas <= 0) throw new RangeError(`amountHalalas must be a positive integer, got ${amountHalalas}`);
  if (!Number.isSafeInteger(limitHalalas) || limitHalalas <= 0) throw new RangeError(`limitHalalas must be a positive integer, got ${limitHalalas}`);
  const count = Math.ceil(amountHalalas / limitHalalas);
  if (count > TRANSFERS_PER_MILESTONE_MAX) throw new RangeError(`${amountHalalas} halalas would need ${count} transfers of at most ${limitHalalas}`);
  const base = Math.floor(amountHalalas / count);
  const remainder = amountHalalas - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < remainder ? 1 : 0));
}

/**
 * A disbursement settled. The project completes when M2 is approved and none of its disbursements is still open;
 * a failed or returned one stays open (its money is back in the contractor's payable until it is paid again).
 */
export function settleDisbursement(project: Project, now: Date): Project {
  const unsettledDisbursementCount = project.unsettledDisbursementCount - 1;
  const completes = project.status === 'M2_APPROVED' && unsettledDisbursementCount === 0;
  return { ...project, unsettledDisbursementCount, ...(completes ? { status: 'COMPLETED', completedAt: now } : {}) };
}

/**
 * A settled disbursement came back: its money is in the contractor's payable again, so it is open again, and an
 * early ending waits for it as for any other open transfer. A project already COMPLETED keeps its status.
 */
export function reopenReturnedDisbursement(project: Project): Project {
  return { ...project, unsettledDisbursementCount: project.unsettledDisbursementCount + 1 };
}

/** Which milestones have been paid for in full: the contractor has been paid no more than the approved total. */
export function approvedTotalHalalas(project: Project): number {
  return MILESTONES.filter((milestone) => project.milestones[milestone].approvedAt !== undefined).reduce((sum, milestone) => sum + project.milestones[milestone].amountHalalas, 0);
}

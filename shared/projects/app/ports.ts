/** The persistence port of the projects context. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { IdempotencyRecord, IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import type { PostedJournal } from '../../ledger/index.ts';
import type { Journal, Plan } from '../../lending/index.ts';
import type { Disbursement } from '../domain/disbursement.ts';
import type { MilestoneDecision } from '../domain/milestone-decision.ts';
import type { Project } from '../domain/project.ts';

/** Who may act for a contractor: the membership of the signed-in principal, if any. */
export interface ContractorMembership {
  readonly contractorId: string;
  readonly memberRole: 'ADMINISTRATOR' | 'MEMBER';
}

export interface ProjectChange {
  readonly before: Project;
  readonly after: Project;
  readonly audit: AuditEntryContent;
  readonly events: readonly OutboundEvent[];
  readonly idempotency?: { readonly scope: IdempotencyScope; readonly response: StoredResponse };
}

export interface ProjectPage {
  readonly projects: readonly Project[];
  readonly nextCursor: string | undefined;
}

/** Money moved for a contractor: the journal on its ledger and the change of its running payable. */
export interface ContractorMoneyMovement {
  readonly contractorId: string;
  readonly journal: PostedJournal | undefined;
  readonly payableDeltaHalalas: number;
  readonly approvedDeltaHalalas?: number;
  readonly paidDeltaHalalas?: number;
  /** A clawback claimed from the contractor (a project ended early). */
  readonly receivableDeltaHalalas?: number;
}

export interface ContractorAccount {
  readonly contractorId: string;
  readonly payableHalalas: number;
  readonly approvedHalalas: number;
  readonly paidHalalas: number;
  /** Claimed back from the contractor for projects ended early. */
  readonly receivableHalalas: number;
}

export interface ProjectStore {
  findProject(projectId: string): Promise<Project | undefined>;
  /** One round trip: the project, and the caller's contractor membership (if they act for one). */
  loadForAccess(projectId: string, principalId: string): Promise<{ project: Project | undefined; membership: ContractorMembership | undefined }>;
  /** One round trip: the project, the caller's membership and any record of this idempotency key. */
  loadForUpdate(projectId: string, principalId: string, scope: IdempotencyScope | undefined): Promise<{ project: Project | undefined; membership: ContractorMembership | undefined; idempotency: IdempotencyRecord | undefined }>;
  findMembership(principalId: string): Promise<ContractorMembership | undefined>;
  listCustomerProjects(customerId: string, limit: number, cursor: string | undefined): Promise<ProjectPage>;
  listContractorProjects(contractorId: string, limit: number, cursor: string | undefined): Promise<ProjectPage>;
  /** Throws CONCURRENT_UPDATE when the project changed since it was read, IDEMPOTENCY_KEY_IN_USE on a racing retry. */
  commitProjectChange(change: ProjectChange): Promise<void>;
  /** The address ciphertext replaces any earlier one, in the same transaction as the project's change. */
  commitInstallationAddress(change: ProjectChange & { readonly addressCiphertext: string }): Promise<void>;
  findInstallationAddressCiphertext(projectId: string): Promise<string | undefined>;
  /** The cancellation of project and plan, in one transaction; the journal reverses the plan's opening. */
  commitCancellation(change: ProjectChange & { readonly planBefore: Plan; readonly planAfter: Plan; readonly planAudit: AuditEntryContent; readonly planJournal: Journal }): Promise<void>;
  /** The first journal on the plan's ledger: its opening, which a cancellation reverses. */
  findPlanOpeningJournalId(planId: string): Promise<string | undefined>;
  /** The change of project and plan at notice to proceed, in one transaction. */
  commitNoticeToProceed(change: ProjectChange & { readonly planBefore: Plan; readonly planAfter: Plan; readonly planAudit: AuditEntryContent }): Promise<void>;
  findPlan(planId: string): Promise<Plan | undefined>;
  /** Projects in COOLING_OFF whose window ended before `now`. */
  listProjectsDueNoticeToProceed(now: Date, pageSize: number): AsyncIterable<Project>;
  /** Projects waiting for a milestone whose deadline passed before `now`, not yet flagged for it. */
  listProjectsPastStageDeadline(now: Date, pageSize: number): AsyncIterable<Project>;
  /** Projects awaiting a down payment (none in flight) whose window closed before `now`. */
  listProjectsPastDownPaymentWindow(now: Date, pageSize: number): AsyncIterable<Project>;
  /** Projects whose customer has not answered M2 by its confirmation deadline, before `now`. */
  listProjectsPastConfirmationDeadline(now: Date, pageSize: number): AsyncIterable<Project>;

  /** `already-pending` when another decision on the project waits for confirmation. */
  proposeDecision(proposal: { readonly project: Project; readonly decision: MilestoneDecision; readonly audit: AuditEntryContent }): Promise<'proposed' | 'already-pending'>;
  findDecision(projectId: string, decisionId: string): Promise<MilestoneDecision | undefined>;
  /** One round trip: the project and one of its decisions. */
  /** One round trip: the project, the decision, and the project's plan (the same id). */
  loadForDecision(projectId: string, decisionId: string): Promise<{ project: Project | undefined; decision: MilestoneDecision | undefined; plan: Plan | undefined }>;
  /**
   * Confirms a decision with its effect, all in one transaction: the project's change, and for an approval the
   * disbursements, the journal and the contractor's payable. `not-pending` when another confirmation won.
   */
  confirmDecision(confirmation: {
    readonly change: ProjectChange;
    readonly decision: MilestoneDecision;
    readonly disbursements: readonly Disbursement[];
    readonly money: ContractorMoneyMovement | undefined;
    /** An early ending takes the undrawn financing off the plan: `after` is absent when the plan owed nothing more. */
    readonly plan?: { readonly before: Plan; readonly after: Plan | undefined; readonly audit: AuditEntryContent; readonly journal: Journal | undefined };
  }): Promise<'confirmed' | 'not-pending'>;

  findDisbursement(projectId: string, disbursementId: string): Promise<Disbursement | undefined>;
  /** One round trip: the disbursement and its contractor's IBAN ciphertext (from the contractors context's item). */
  loadForInstruction(projectId: string, disbursementId: string, contractorId: string): Promise<{ disbursement: Disbursement | undefined; ibanCiphertext: string | undefined; payoutsHeld: boolean }>;
  /** The contractor's disbursements held for its IBAN change, a page at a time. */
  listHeldDisbursements(contractorId: string, pageSize: number): AsyncIterable<Disbursement>;
  listDisbursements(projectId: string): Promise<readonly Disbursement[]>;
  /** One round trip: the project, the disbursement, and whether the provider's event was seen. */
  loadForPayoutOutcome(projectId: string, disbursementId: string, providerEventId: string): Promise<{ project: Project | undefined; disbursement: Disbursement | undefined; eventSeen: boolean }>;
  /**
   * Commits a disbursement's change with its money movement, project change and events. `duplicate` when the
   * provider's event was already recorded; throws CONCURRENT_UPDATE when the disbursement changed since it was read.
   */
  commitDisbursementChange(change: {
    readonly before: Disbursement;
    readonly after: Disbursement;
    readonly providerEventId: string | undefined;
    readonly money: ContractorMoneyMovement | undefined;
    readonly project: ProjectChange | undefined;
    readonly events: readonly OutboundEvent[];
  }): Promise<'committed' | 'duplicate' | 'stale'>;
  findContractorAccount(contractorId: string): Promise<ContractorAccount>;
  listContractorJournals(contractorId: string, limit: number, afterJournalId: string | undefined): Promise<readonly PostedJournal[]>;
}

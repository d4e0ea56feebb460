/** The contractors context's persistence port. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { IdempotencyRecord, IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import type { Contractor, ContractorDecision, ContractorMembership, ContractorStatus } from '../domain/contractor.ts';
import type { IbanChange } from '../domain/iban-change.ts';

export interface ContractorWithAudit {
  readonly contractor: Contractor;
  /** The head of the contractor's audit chain, which every change advances conditionally. */
  readonly auditHead: { readonly sequence: number; readonly hash: string };
}

export interface ContractorStore {
  /** One read: the caller's membership (a person acts for at most one contractor) and the idempotency record. */
  loadForApplication(principalId: string, scope: IdempotencyScope): Promise<{ readonly membership: ContractorMembership | undefined; readonly idempotency: IdempotencyRecord | undefined }>;
  /**
   * One transaction: the contractor, the guards on its VAT and unified numbers, the applicant's membership as
   * administrator, the first audit entry, the outbox event and the idempotency record.
   */
  createContractor(input: {
    readonly contractor: Contractor;
    readonly audit: AuditEntryContent;
    readonly event: OutboundEvent;
    readonly idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse };
  }): Promise<'created' | 'already-registered' | 'already-member'>;
  findContractor(contractorId: string): Promise<ContractorWithAudit | undefined>;
  findMembership(principalId: string): Promise<ContractorMembership | undefined>;
  /** An invitation (by blind index of the member's national ID), refused as 'already-invited' if one exists. */
  inviteMember(invite: { readonly contractorId: string; readonly nationalIdBlindIndex: string; readonly nationalIdCiphertext: string; readonly invitedBy: string; readonly invitedAt: Date }): Promise<'invited' | 'already-invited'>;
  /**
   * For a signed-in person with no membership: the invitation waiting for their national ID (read through the blind
   * index their NAFATH sign-in stored on their principal) becomes a MEMBER membership, once.
   */
  activateInvitedMember(principalId: string, activatedAt: Date): Promise<ContractorMembership | undefined>;
  /** Moves the contractor from one of `from` to `to`, with an audit entry and events; false if its status or audit head moved. */
  changeStatus(input: {
    readonly current: ContractorWithAudit;
    readonly from: readonly ContractorStatus[];
    readonly to: ContractorStatus;
    readonly set?: { readonly verifiedAt?: Date; readonly statusReason?: string };
    readonly audit: AuditEntryContent;
    readonly events: readonly OutboundEvent[];
  }): Promise<boolean>;
  /** The proposal, the pending guard (one at a time: 'already-pending') and the audit entry, if the status still allows it. */
  proposeDecision(input: { readonly current: ContractorWithAudit; readonly decision: ContractorDecision; readonly allowedFrom: readonly ContractorStatus[]; readonly audit: AuditEntryContent }): Promise<'proposed' | 'already-pending' | 'status-changed' | 'concurrent-update'>;
  findDecision(contractorId: string, decisionId: string): Promise<ContractorDecision | undefined>;
  findIbanChange(contractorId: string, changeId: string): Promise<IbanChange | undefined>;
  requestIbanChange(input: { readonly current: ContractorWithAudit; readonly change: IbanChange; readonly audit: AuditEntryContent }): Promise<'requested' | 'already-pending'>;
  decideIbanChange(input: {
    readonly current: ContractorWithAudit;
    readonly before: IbanChange;
    readonly after: IbanChange;
    readonly audit: AuditEntryContent;
    readonly outcome: 'proposed' | 'approved' | 'rejected';
    readonly events: readonly OutboundEvent[];
  }): Promise<'decided' | 'not-pending'>;
  /** Confirms the decision, applies the new status, releases the pending guard, audits and publishes, atomically. */
  confirmDecision(input: { readonly current: ContractorWithAudit; readonly decision: ContractorDecision; readonly newStatus: ContractorStatus; readonly audit: AuditEntryContent; readonly events: readonly OutboundEvent[] }): Promise<'confirmed' | 'not-pending' | 'concurrent-update'>;
}

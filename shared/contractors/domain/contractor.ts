/**
 * An installer company on RABHAN: its application, ZATCA's verification of its VAT registration, and staff's
 * pre-qualification decisions. Only an APPROVED contractor may see quote requests or quote.
 *
 * SUBMITTED ──ZATCA verified──> PENDING_REVIEW ──APPROVE (four eyes)──> APPROVED ──SUSPEND (four eyes)──> SUSPENDED
 *     │  └─definite negative─> REJECTED           └─REJECT (four eyes)──> REJECTED
 *     └─could not verify after every retry─> VERIFICATION_FAILED ──redrive──> (verified again)
 */
export const CONTRACTOR_STATUSES = ['SUBMITTED', 'PENDING_REVIEW', 'VERIFICATION_FAILED', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export type ContractorStatus = (typeof CONTRACTOR_STATUSES)[number];

export const CONTRACTOR_DECISIONS = ['APPROVE', 'REJECT', 'SUSPEND'] as const;
export type ContractorDecisionKind = (typeof CONTRACTOR_DECISIONS)[number];

/** The status each decision may be taken from, and the status it leads to. */
export const DECISION_TRANSITIONS: Readonly<Record<ContractorDecisionKind, { readonly from: readonly ContractorStatus[]; readonly to: ContractorStatus }>> = {
  APPROVE: { from: ['PENDING_REVIEW'], to: 'APPROVED' },
  REJECT: { from: ['PENDING_REVIEW'], to: 'REJECTED' },
  // A suspended contractor can be approved again only through a new application review, so SUSPEND is one-way here.
  SUSPEND: { from: ['APPROVED'], to: 'SUSPENDED' },
};

export type MemberRole = 'ADMINISTRATOR' | 'MEMBER';

export interface Contractor {
  readonly contractorId: string;
  readonly status: ContractorStatus;
  readonly legalName: { readonly ar: string; readonly en: string };
  readonly unifiedNumber: string;
  readonly vatNumber: string;
  /** The IBAN is personal data of the account holder's bank relationship: only its ciphertext and a mask are kept. */
  readonly ibanCiphertext: string;
  readonly maskedIban: string;
  readonly certificateNumber: string;
  readonly cityIds: readonly string[];
  /** E.164. Business contact details, not personal data. */
  readonly businessPhone: string;
  readonly businessEmail: string;
  readonly administratorPrincipalId: string;
  readonly appliedAt: Date;
  readonly verifiedAt?: Date;
  /** Why it was REJECTED or why verification FAILED: a reason code. */
  readonly statusReason?: string;
  /** A change of the payout IBAN waiting for its four-eyes decision: the contractor's payouts are held meanwhile. */
  readonly pendingIbanChangeId?: string;
}

export interface ContractorMembership {
  readonly principalId: string;
  readonly contractorId: string;
  readonly memberRole: MemberRole;
}

/** ZATCA verification settles only an application still waiting for it (or one a redrive retries). */
export const VERIFIABLE_STATUSES: readonly ContractorStatus[] = ['SUBMITTED', 'VERIFICATION_FAILED'];

export interface ContractorDecision {
  readonly decisionId: string;
  readonly contractorId: string;
  readonly decision: ContractorDecisionKind;
  readonly reason: string;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly status: 'PENDING_CONFIRMATION' | 'CONFIRMED';
  readonly confirmedBy?: string;
  readonly confirmedAt?: Date;
}

export type ProposalCheck = { readonly kind: 'allowed' } | { readonly kind: 'refused'; readonly code: 'CONTRACTOR_STATUS_CONFLICT' };

export function checkProposal(status: ContractorStatus, decision: ContractorDecisionKind): ProposalCheck {
  return DECISION_TRANSITIONS[decision].from.includes(status) ? { kind: 'allowed' } : { kind: 'refused', code: 'CONTRACTOR_STATUS_CONFLICT' };
}

export type ConfirmationCheck =
  | { readonly kind: 'confirmed'; readonly decision: ContractorDecision; readonly newStatus: ContractorStatus }
  | { readonly kind: 'refused'; readonly code: 'FOUR_EYES_REQUIRED' | 'CONTRACTOR_DECISION_NOT_PENDING' | 'CONTRACTOR_STATUS_CONFLICT' };

/**
 * The second pair of eyes: a different staff user confirms a pending decision, and only then does it take effect.
 * The contractor's status is checked again, since it may have changed since the proposal.
 */
export function confirmDecision(decision: ContractorDecision, contractorStatus: ContractorStatus, confirmation: { readonly confirmedBy: string; readonly confirmedAt: Date }): ConfirmationCheck {
  if (decision.status !== 'PENDING_CONFIRMATION') return { kind: 'refused', code: 'CONTRACTOR_DECISION_NOT_PENDING' };
  if (decision.proposedBy === confirmation.confirmedBy) return { kind: 'refused', code: 'FOUR_EYES_REQUIRED' };
  if (checkProposal(contractorStatus, decision.decision).kind === 'refused') return { kind: 'refused', code: 'CONTRACTOR_STATUS_CONFLICT' };
  return {
    kind: 'confirmed',
    decision: { ...decision, status: 'CONFIRMED', confirmedBy: confirmation.confirmedBy, confirmedAt: confirmation.confirmedAt },
    newStatus: DECISION_TRANSITIONS[decision.decision].to,
  };
}

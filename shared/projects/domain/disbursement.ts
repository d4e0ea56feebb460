/**
 * Disbursements: one bank transfer each, to the contractor's IBAN, created by a milestone's approval. A transfer moves
 * REQUESTED → SENT (we instructed the bank) → SETTLED, or to FAILED; a settled transfer can still be RETURNED days
 * later, as real bank transfers can (solar.md, "Four eyes and payouts").
 */
import type { Milestone } from './project.ts';

export const DISBURSEMENT_STATUSES = ['REQUESTED', 'SENT', 'SETTLED', 'FAILED', 'RETURNED'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

export interface Disbursement {
  /** `<projectId>-<milestone>-<sequence>`: deterministic, so an approval can never create a second set. */
  readonly disbursementId: string;
  readonly projectId: string;
  readonly contractorId: string;
  readonly milestone: Milestone;
  readonly sequence: number;
  readonly amountHalalas: number;
  readonly status: DisbursementStatus;
  readonly requestedAt: Date;
  readonly sentAt?: Date;
  readonly settledAt?: Date;
  readonly failedAt?: Date;
  readonly returnedAt?: Date;
  readonly failureReason?: string;
  readonly providerTransferId?: string;
  /** Held, not instructed, while a change of the contractor's IBAN waits for its four-eyes decision. */
  readonly heldForIbanChangeAt?: Date;
}

/** A REQUESTED disbursement parked while its contractor's IBAN change is decided; released with the decision. */
export function holdForIbanChange(disbursement: Disbursement, now: Date): Disbursement | undefined {
  if (disbursement.status !== 'REQUESTED' || disbursement.heldForIbanChangeAt !== undefined) return undefined;
  return { ...disbursement, heldForIbanChangeAt: now };
}

const DISBURSEMENT_ID_PATTERN = /^([0-9A-HJKMNP-TV-Z]{26})-(M1|M2)-(\d{1,2})$/;

export function disbursementIdOf(projectId: string, milestone: Milestone, sequence: number): string {
  return `${projectId}-${milestone}-${sequence}`;
}

/** The project a disbursement id names, or undefined for an id we never issued. */
export function parseDisbursementId(disbursementId: string): { readonly projectId: string; readonly milestone: Milestone; readonly sequence: number } | undefined {
  const match = DISBURSEMENT_ID_PATTERN.exec(disbursementId);
  if (match === null) return undefined;
  return { projectId: match[1]!, milestone: match[2] as Milestone, sequence: Number(match[3]) };
}

export type PayoutOutcome = 'SETTLED' | 'FAILED' | 'RETURNED';

/**
 * What an outcome reported by the bank means for a disbursement in its current status:
 * - `apply`: a change to commit, with the ledger movement it implies;
 * - `already`: the disbursement is already where this outcome puts it (a late or repeated report);
 * - `retry-later`: the outcome is ahead of what we recorded (a settlement before our SENT committed, a return
 *   before the settlement): the bank must deliver it again;
 * - `contradicts`: the outcome contradicts a recorded final status; nothing moves and ops are alerted.
 */
export type OutcomeDecision =
  | { readonly kind: 'apply'; readonly disbursement: Disbursement; readonly movement: LedgerMovement }
  | { readonly kind: 'already' | 'retry-later' | 'contradicts' };

/**
 * The ledger movement of a status change: SENT moves the payable to payout clearing; SETTLED clears it against the
 * bank; a transfer FAILED after it was sent, or RETURNED after it settled, puts the money back into the payable.
 */
export type LedgerMovement = 'PAYABLE_TO_CLEARING' | 'CLEARING_TO_BANK' | 'CLEARING_TO_PAYABLE' | 'BANK_TO_PAYABLE' | 'NONE';

export function markSent(disbursement: Disbursement, providerTransferId: string, now: Date): Disbursement | undefined {
  if (disbursement.status !== 'REQUESTED') return undefined;
  const { heldForIbanChangeAt: _released, ...rest } = disbursement;
  return { ...rest, status: 'SENT', sentAt: now, providerTransferId };
}

export function decideOutcome(disbursement: Disbursement, outcome: PayoutOutcome, now: Date, reason: string | undefined): OutcomeDecision {
  const { status } = disbursement;
  switch (outcome) {
    case 'SETTLED':
      if (status === 'SENT') return { kind: 'apply', disbursement: { ...disbursement, status: 'SETTLED', settledAt: now }, movement: 'CLEARING_TO_BANK' };
      if (status === 'SETTLED' || status === 'RETURNED') return { kind: 'already' };
      return status === 'REQUESTED' ? { kind: 'retry-later' } : { kind: 'contradicts' };
    case 'FAILED': {
      const failed = { ...disbursement, status: 'FAILED' as const, failedAt: now, ...(reason === undefined ? {} : { failureReason: reason }) };
      // Refused before our SENT committed: the money never left the payable.
      if (status === 'REQUESTED') return { kind: 'apply', disbursement: failed, movement: 'NONE' };
      if (status === 'SENT') return { kind: 'apply', disbursement: failed, movement: 'CLEARING_TO_PAYABLE' };
      return status === 'FAILED' ? { kind: 'already' } : { kind: 'contradicts' };
    }
    case 'RETURNED':
      if (status === 'SETTLED') {
        return { kind: 'apply', disbursement: { ...disbursement, status: 'RETURNED', returnedAt: now, ...(reason === undefined ? {} : { failureReason: reason }) }, movement: 'BANK_TO_PAYABLE' };
      }
      if (status === 'RETURNED') return { kind: 'already' };
      return status === 'FAILED' ? { kind: 'contradicts' } : { kind: 'retry-later' };
  }
}

/**
 * A change of a contractor's payout IBAN, with four eyes: the administrator asks, an ops user proposes to approve or
 * reject it with a reason, and a different staff user confirms. Until it is decided the contractor's payouts are held,
 * so that money is never sent to an account one person alone put on file.
 */
export type IbanChangeStatus = 'PENDING_REVIEW' | 'PROPOSED' | 'CONFIRMED';
export type IbanChangeDecision = 'APPROVE' | 'REJECT';

export interface IbanChange {
  readonly changeId: string;
  readonly contractorId: string;
  readonly ibanCiphertext: string;
  readonly maskedIban: string;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly status: IbanChangeStatus;
  readonly proposal?: { readonly decision: IbanChangeDecision; readonly reason: string; readonly proposedBy: string; readonly proposedAt: Date };
  readonly confirmedBy?: string;
  readonly confirmedAt?: Date;
}

export type IbanChangeCheck<T> = { readonly kind: 'ok'; readonly change: T } | { readonly kind: 'refused'; readonly code: 'IBAN_CHANGE_NOT_PENDING' | 'FOUR_EYES_REQUIRED' };

export function proposeIbanChangeDecision(change: IbanChange, proposal: NonNullable<IbanChange['proposal']>): IbanChangeCheck<IbanChange> {
  if (change.status !== 'PENDING_REVIEW') return { kind: 'refused', code: 'IBAN_CHANGE_NOT_PENDING' };
  return { kind: 'ok', change: { ...change, status: 'PROPOSED', proposal } };
}

export function confirmIbanChangeDecision(change: IbanChange, confirmation: { readonly confirmedBy: string; readonly confirmedAt: Date }): IbanChangeCheck<IbanChange> {
  if (change.status !== 'PROPOSED' || change.proposal === undefined) return { kind: 'refused', code: 'IBAN_CHANGE_NOT_PENDING' };
  if (change.proposal.proposedBy === confirmation.confirmedBy) return { kind: 'refused', code: 'FOUR_EYES_REQUIRED' };
  return { kind: 'ok', change: { ...change, status: 'CONFIRMED', ...confirmation } };
}

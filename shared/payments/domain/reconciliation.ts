/**
 * Money the payment gateway reported as received that matched no payable intent. It is held in suspense (the
 * UNAPPLIED_CASH ledger account) as a reconciliation item until staff apply it to the plan it belongs to, under four
 * eyes: one ops user proposes the plan, a different staff user confirms, and only the confirmation moves money.
 * Refunds arrive with the installation-projects work, when the gateway learns to refund.
 */

/** Why the money could not be applied when it arrived. */
export const RECONCILIATION_REASONS = [
  /** The plan and payment the gateway named match no intent of ours. */
  'UNKNOWN_PAYMENT',
  /** The intent exists, but the gateway reports a different amount. */
  'AMOUNT_MISMATCH',
  /** The intent was already settled the other way (failed, or expired and no longer payable), yet money arrived. */
  'CONTRADICTS_SETTLEMENT',
  /** The intent was already confirmed under another gateway event: a second capture of the same checkout. */
  'DUPLICATE_CAPTURE',
] as const;
export type ReconciliationReason = (typeof RECONCILIATION_REASONS)[number];

export const RECONCILIATION_STATUSES = ['OPEN', 'RESOLUTION_PROPOSED', 'RESOLVED'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export interface ResolutionProposal {
  readonly planId: string;
  readonly proposedBy: string;
  readonly proposedAt: Date;
}

export interface Resolution {
  readonly planId: string;
  readonly proposedBy: string;
  readonly confirmedBy: string;
  readonly resolvedAt: Date;
}

export interface ReconciliationItem {
  readonly itemId: string;
  readonly status: ReconciliationStatus;
  readonly reason: ReconciliationReason;
  readonly amountHalalas: number;
  readonly gatewayEventId: string;
  readonly checkoutReference: string;
  /** The plan the gateway named, as it named it: it may not exist. */
  readonly reportedPlanId: string;
  readonly receivedAt: Date;
  readonly proposal?: ResolutionProposal;
  readonly resolution?: Resolution;
}

export type ProposalOutcome =
  | { readonly kind: 'proposed'; readonly item: ReconciliationItem }
  /** The same staff user proposed the same plan before: a retry, answered like the first time. */
  | { readonly kind: 'unchanged'; readonly item: ReconciliationItem }
  | { readonly kind: 'refused'; readonly code: 'RECONCILIATION_ITEM_NOT_OPEN' };

export function proposeResolution(item: ReconciliationItem, proposal: ResolutionProposal): ProposalOutcome {
  if (item.status === 'OPEN') return { kind: 'proposed', item: { ...item, status: 'RESOLUTION_PROPOSED', proposal } };
  const sameProposal = item.status === 'RESOLUTION_PROPOSED' && item.proposal?.planId === proposal.planId && item.proposal.proposedBy === proposal.proposedBy;
  return sameProposal ? { kind: 'unchanged', item } : { kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_OPEN' };
}

export type ConfirmationOutcome =
  | { readonly kind: 'confirmed'; readonly item: ReconciliationItem }
  /** Already resolved onto this plan: a retry, answered like the first time, and no money moves again. */
  | { readonly kind: 'unchanged'; readonly item: ReconciliationItem }
  | { readonly kind: 'refused'; readonly code: 'RECONCILIATION_ITEM_NOT_PROPOSED' | 'RECONCILIATION_PROPOSAL_MISMATCH' | 'FOUR_EYES_REQUIRED' };

/**
 * The second pair of eyes. The confirmer names the plan again, so that what they confirm is what was proposed; the
 * proposer can never confirm their own proposal.
 */
export function confirmResolution(item: ReconciliationItem, confirmation: { readonly planId: string; readonly confirmedBy: string; readonly confirmedAt: Date }): ConfirmationOutcome {
  if (item.status === 'RESOLVED') {
    return item.resolution?.planId === confirmation.planId ? { kind: 'unchanged', item } : { kind: 'refused', code: 'RECONCILIATION_PROPOSAL_MISMATCH' };
  }
  const proposal = item.proposal;
  if (item.status !== 'RESOLUTION_PROPOSED' || proposal === undefined) return { kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_PROPOSED' };
  if (proposal.planId !== confirmation.planId) return { kind: 'refused', code: 'RECONCILIATION_PROPOSAL_MISMATCH' };
  if (proposal.proposedBy === confirmation.confirmedBy) return { kind: 'refused', code: 'FOUR_EYES_REQUIRED' };
  const resolution: Resolution = { planId: proposal.planId, proposedBy: proposal.proposedBy, confirmedBy: confirmation.confirmedBy, resolvedAt: confirmation.confirmedAt };
  return { kind: 'confirmed', item: { ...item, status: 'RESOLVED', resolution } };
}

export type RejectionOutcome =
  | { readonly kind: 'rejected'; readonly item: ReconciliationItem }
  | { readonly kind: 'refused'; readonly code: 'RECONCILIATION_ITEM_NOT_PROPOSED' };

/**
 * Sends a proposal back: the item is OPEN again for a new proposal. Any staff user may do it, the proposer included
 * (a withdrawal), since no money moves; without it a wrong proposal would strand the money in suspense.
 */
export function rejectResolution(item: ReconciliationItem): RejectionOutcome {
  if (item.status !== 'RESOLUTION_PROPOSED') return { kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_PROPOSED' };
  const { proposal: _rejected, ...withoutProposal } = item;
  return { kind: 'rejected', item: { ...withoutProposal, status: 'OPEN' } };
}

/**
 * Money the payment gateway reported as received that matched no payable intent. It is held in suspense (the
 * UNAPPLIED_CASH ledger account) as a reconciliation item until staff resolve it under four eyes: one ops user
 * proposes, a different staff user confirms, and only the confirmation moves money. Staff either apply the money to
 * the plan it belongs to, or refund it through the gateway to whoever paid it; a refund leaves suspense only when the
 * gateway reports it succeeded, and one that failed opens the item again.
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

export const RECONCILIATION_STATUSES = ['OPEN', 'RESOLUTION_PROPOSED', 'REFUND_REQUESTED', 'RESOLVED'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

/** What staff decide the money is for: the plan it belongs to, or a refund to whoever paid it. */
export type ResolutionTarget = { readonly planId: string; readonly refund?: never } | { readonly refund: true; readonly planId?: never };

export type ResolutionProposal = ResolutionTarget & {
  readonly proposedBy: string;
  readonly proposedAt: Date;
};

export type Resolution = ResolutionTarget & {
  readonly proposedBy: string;
  readonly confirmedBy: string;
  /** When the money left suspense: the confirmation, or for a refund the gateway's success. */
  readonly resolvedAt: Date;
  /** For a refund: the id the gateway knows it by. */
  readonly refundId?: string;
};

const sameTarget = (one: ResolutionTarget, other: ResolutionTarget): boolean => (one.refund === true ? other.refund === true : other.refund !== true && one.planId === other.planId);

/** Refunds asked of the gateway per item at most: each failure opens the item again, and a new refund needs a new id. */
export const REFUND_ATTEMPTS_PER_ITEM_MAX = 5;

/** `<itemId>-SUSPENSE-REFUND-<attempt>`: the gateway refunds an id once, so each attempt after a failure has its own. */
export const reconciliationRefundIdOf = (itemId: string, attempt: number): string => `${itemId}-SUSPENSE-REFUND-${attempt}`;

/** The reconciliation item and attempt a refund id names, or undefined for an id that is not a suspense refund of ours. */
export function parseReconciliationRefundId(refundId: string): { readonly itemId: string; readonly attempt: number } | undefined {
  const match = /^([0-9A-HJKMNP-TV-Z]{26})-SUSPENSE-REFUND-([1-9])$/.exec(refundId);
  return match === null ? undefined : { itemId: match[1]!, attempt: Number(match[2]) };
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
  /** Refunds asked of the gateway so far; the next one's id carries the next number. */
  readonly refundAttemptCount: number;
}

export type ProposalOutcome =
  | { readonly kind: 'proposed'; readonly item: ReconciliationItem }
  /** The same staff user proposed the same resolution before: a retry, answered like the first time. */
  | { readonly kind: 'unchanged'; readonly item: ReconciliationItem }
  | { readonly kind: 'refused'; readonly code: 'RECONCILIATION_ITEM_NOT_OPEN' | 'RECONCILIATION_REFUND_ATTEMPTS_EXHAUSTED' };

export function proposeResolution(item: ReconciliationItem, proposal: ResolutionProposal): ProposalOutcome {
  if (item.status === 'OPEN') {
    if (proposal.refund === true && item.refundAttemptCount >= REFUND_ATTEMPTS_PER_ITEM_MAX) return { kind: 'refused', code: 'RECONCILIATION_REFUND_ATTEMPTS_EXHAUSTED' };
    return { kind: 'proposed', item: { ...item, status: 'RESOLUTION_PROPOSED', proposal } };
  }
  const sameProposal = item.status === 'RESOLUTION_PROPOSED' && item.proposal !== undefined && sameTarget(item.proposal, proposal) && item.proposal.proposedBy === proposal.proposedBy;
  return sameProposal ? { kind: 'unchanged', item } : { kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_OPEN' };
}

export type ConfirmationOutcome =
  | { readonly kind: 'confirmed'; readonly item: ReconciliationItem }
  /** Already resolved this way (or its refund already asked for): a retry, answered like the first time, and no money moves again. */
  | { readonly kind: 'unchanged'; readonly item: ReconciliationItem }
  | { readonly kind: 'refused'; readonly code: 'RECONCILIATION_ITEM_NOT_PROPOSED' | 'RECONCILIATION_PROPOSAL_MISMATCH' | 'FOUR_EYES_REQUIRED' };

/**
 * The second pair of eyes. The confirmer names the resolution again (the plan, or the refund), so that what they
 * confirm is what was proposed; the proposer can never confirm their own proposal. A confirmed refund waits for the
 * gateway (`REFUND_REQUESTED`): the money stays in suspense until the gateway reports it refunded.
 */
export function confirmResolution(item: ReconciliationItem, confirmation: ResolutionTarget & { readonly confirmedBy: string; readonly confirmedAt: Date }): ConfirmationOutcome {
  if (item.status === 'RESOLVED' || item.status === 'REFUND_REQUESTED') {
    return item.resolution !== undefined && sameTarget(item.resolution, confirmation) ? { kind: 'unchanged', item } : { kind: 'refused', code: 'RECONCILIATION_PROPOSAL_MISMATCH' };
  }
  const proposal = item.proposal;
  if (item.status !== 'RESOLUTION_PROPOSED' || proposal === undefined) return { kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_PROPOSED' };
  if (!sameTarget(proposal, confirmation)) return { kind: 'refused', code: 'RECONCILIATION_PROPOSAL_MISMATCH' };
  if (proposal.proposedBy === confirmation.confirmedBy) return { kind: 'refused', code: 'FOUR_EYES_REQUIRED' };
  const decided = { proposedBy: proposal.proposedBy, confirmedBy: confirmation.confirmedBy, resolvedAt: confirmation.confirmedAt };
  if (proposal.refund === true) {
    const attempt = item.refundAttemptCount + 1;
    const resolution: Resolution = { refund: true, ...decided, refundId: reconciliationRefundIdOf(item.itemId, attempt) };
    return { kind: 'confirmed', item: { ...item, status: 'REFUND_REQUESTED', resolution, refundAttemptCount: attempt } };
  }
  return { kind: 'confirmed', item: { ...item, status: 'RESOLVED', resolution: { planId: proposal.planId, ...decided } } };
}

/**
 * The gateway's answer to a suspense refund: a success resolves the item, and the money leaves suspense; a failure
 * opens the item again, its money still in suspense, for staff to resolve anew. Undefined when the item is not
 * waiting for this refund (a repeated or late report).
 */
export function settleSuspenseRefund(item: ReconciliationItem, refundId: string, outcome: 'SUCCEEDED' | 'FAILED', now: Date): ReconciliationItem | undefined {
  if (item.status !== 'REFUND_REQUESTED' || item.resolution?.refundId !== refundId) return undefined;
  if (outcome === 'SUCCEEDED') return { ...item, status: 'RESOLVED', resolution: { ...item.resolution, resolvedAt: now } };
  const { proposal: _failed, resolution: _notResolved, ...rest } = item;
  return { ...rest, status: 'OPEN' };
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

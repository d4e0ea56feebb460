/**
 * Money the gateway reports as received is always recorded. What matches no payable intent is held in suspense as a
 * reconciliation item (and pages an operator), listed for ops, and resolved under four eyes: one ops user proposes,
 * a different staff user confirms, and only the confirmation moves money. Staff apply the money to the plan it
 * belongs to, or refund it through the gateway (the suspense refunds queue asks; the refund webhook settles it).
 */
import { unappliedCashAppliedJournal, unappliedCashReceivedJournal } from '../../ledger/index.ts';
import { confirmResolution, proposeResolution, rejectResolution, type ReconciliationItem, type ReconciliationReason, type ResolutionTarget } from '../domain/reconciliation.ts';
import type { StoredReconciliationItem } from './reconciliation-store.ts';
import { bucketTransitionEvents, receivePayment, riyadhCalendarDate, toJournalRecord } from '../../lending/index.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { ULID_PATTERN, type Clock, type IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { OutboundEvent as PlanEvent } from '../../kernel/messaging/event-type.ts';
import type { Plan } from '../../lending/index.ts';
import type { ReconciliationStore } from './reconciliation-store.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { lendingError } from '../../lending/index.ts';
import { paymentsError } from '../api/error-codes.ts';
import { PAYMENTS_EVENTS } from '../api/events.ts';
import { LENDING_EVENTS } from '../../lending/index.ts';

export interface ReconciliationDeps {
  readonly reconciliation: ReconciliationStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface UnmatchedReceipt {
  readonly gatewayEventId: string;
  readonly checkoutReference: string;
  readonly planId: string;
  readonly amountHalalas: number;
}

/** Holds money the gateway took into suspense, once per gateway event. */
export async function holdUnappliedCash(receipt: UnmatchedReceipt, reason: ReconciliationReason, deps: ReconciliationDeps): Promise<'held-for-reconciliation' | 'duplicate'> {
  const now = deps.clock.now();
  const item: ReconciliationItem = {
    itemId: deps.ids.newId(),
    status: 'OPEN',
    reason,
    amountHalalas: receipt.amountHalalas,
    gatewayEventId: receipt.gatewayEventId,
    checkoutReference: receipt.checkoutReference,
    reportedPlanId: receipt.planId,
    receivedAt: now,
    refundAttemptCount: 0,
  };
  const stored = await deps.reconciliation.holdUnappliedCash({
    item,
    gatewayEventId: receipt.gatewayEventId,
    journal: { journalId: deps.ids.newId(), description: `Unapplied cash from gateway event ${receipt.gatewayEventId}`, postedAt: now, entries: unappliedCashReceivedJournal(receipt.amountHalalas).entries },
    audit: {
      action: 'UNAPPLIED_CASH_RECEIVED',
      actor: 'payment-gateway',
      occurredAt: now.toISOString(),
      facts: { reason, amountHalalas: receipt.amountHalalas, gatewayEventId: receipt.gatewayEventId, checkoutReference: receipt.checkoutReference, reportedPlanId: receipt.planId },
    },
  });
  return stored === 'held' ? 'held-for-reconciliation' : 'duplicate';
}

export interface ReconciliationPage {
  readonly items: readonly ReconciliationItem[];
  /** Present when the page is full, so more items may follow. */
  readonly nextCursor?: string;
}

/** The ops queue, newest first. The cursor is the last item id shown, encoded; anything else is a 400. */
export async function listReconciliationItems(query: { readonly limit: number; readonly cursor: string | undefined }, store: ReconciliationStore): Promise<ReconciliationPage> {
  const afterItemId = query.cursor === undefined ? undefined : Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (afterItemId !== undefined && !ULID_PATTERN.test(afterItemId)) {
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'query.cursor', issue: 'not a cursor from this list' }] });
  }
  const items = await store.listItems(query.limit, afterItemId);
  const last = items.at(-1);
  return { items, ...(items.length === query.limit && last !== undefined ? { nextCursor: Buffer.from(last.itemId).toString('base64url') } : {}) };
}

/** The plan must be able to take the whole amount now: money is applied whole, never split or left over. */
function assertPlanCanTake(plan: Plan | undefined, amountHalalas: number): asserts plan is Plan {
  if (plan === undefined) throw lendingError('PLAN_NOT_FOUND');
  if (plan.status !== 'ACTIVE' || plan.payableHalalas < amountHalalas) throw paymentsError('RECONCILIATION_AMOUNT_EXCEEDS_BALANCE');
}

/** The item and, when the resolution names one, the plan: one round trip either way. */
async function loadItemAndPlan(itemId: string, target: ResolutionTarget, deps: ReconciliationDeps): Promise<{ stored: StoredReconciliationItem; plan: Plan | undefined }> {
  const { stored, plan } = target.refund === true ? { stored: await deps.reconciliation.findItem(itemId), plan: undefined } : await deps.reconciliation.loadForResolution(itemId, target.planId);
  if (stored === undefined) throw paymentsError('RECONCILIATION_ITEM_NOT_FOUND');
  return { stored, plan };
}

/** What the audit records of a resolution: the plan named, or the refund. */
const targetFacts = (target: ResolutionTarget): Readonly<Record<string, string | boolean>> => (target.refund === true ? { refund: true } : { planId: target.planId });

/** The first pair of eyes: an ops user names the plan the money belongs to, or proposes refunding it. Nothing moves yet. */
export async function proposeReconciliationResolution(
  command: { readonly principal: Principal; readonly itemId: string; readonly target: ResolutionTarget },
  deps: ReconciliationDeps,
): Promise<ReconciliationItem> {
  const { stored, plan } = await loadItemAndPlan(command.itemId, command.target, deps);
  const { item } = stored;
  const now = deps.clock.now();
  const outcome = proposeResolution(item, { ...command.target, proposedBy: command.principal.principalId, proposedAt: now });
  if (outcome.kind === 'refused') throw paymentsError(outcome.code);
  if (outcome.kind === 'unchanged') return outcome.item;
  if (command.target.refund !== true) assertPlanCanTake(plan, item.amountHalalas);
  await deps.reconciliation.recordDecision(stored, outcome.item, {
    action: 'RECONCILIATION_RESOLUTION_PROPOSED',
    actor: command.principal.principalId,
    occurredAt: now.toISOString(),
    facts: { ...targetFacts(command.target), amountHalalas: item.amountHalalas },
  });
  return outcome.item;
}

/** Sends a wrong or stale proposal back, so the item can be proposed again. Nothing moves. */
export async function rejectReconciliationResolution(command: { readonly principal: Principal; readonly itemId: string }, deps: ReconciliationDeps): Promise<ReconciliationItem> {
  const stored = await deps.reconciliation.findItem(command.itemId);
  if (stored === undefined) throw paymentsError('RECONCILIATION_ITEM_NOT_FOUND');
  const { item } = stored;
  const outcome = rejectResolution(item);
  if (outcome.kind === 'refused') throw paymentsError(outcome.code);
  const now = deps.clock.now();
  await deps.reconciliation.recordDecision(stored, outcome.item, {
    action: 'RECONCILIATION_RESOLUTION_REJECTED',
    actor: command.principal.principalId,
    occurredAt: now.toISOString(),
    facts: { rejectedPlanId: item.proposal?.planId ?? '', rejectedRefund: item.proposal?.refund === true, proposedBy: item.proposal?.proposedBy ?? '' },
  });
  return outcome.item;
}

/**
 * The second pair of eyes: a different staff user confirms, and the money moves from suspense to the plan; or, for a
 * refund, the refund is requested of the gateway, and the money leaves suspense when the gateway reports it refunded.
 */
export async function confirmReconciliationResolution(
  command: { readonly principal: Principal; readonly itemId: string; readonly target: ResolutionTarget; readonly correlationId: string },
  deps: ReconciliationDeps,
): Promise<ReconciliationItem> {
  const { stored, plan } = await loadItemAndPlan(command.itemId, command.target, deps);
  const { item } = stored;
  const now = deps.clock.now();
  const outcome = confirmResolution(item, { ...command.target, confirmedBy: command.principal.principalId, confirmedAt: now });
  if (outcome.kind === 'refused') throw outcome.code === 'FOUR_EYES_REQUIRED' ? kernelError(outcome.code) : paymentsError(outcome.code);
  if (outcome.kind === 'unchanged') return outcome.item;
  if (command.target.refund === true) {
    const refundId = outcome.item.resolution?.refundId ?? '';
    await deps.reconciliation.requestRefund({
      itemBefore: stored,
      itemAfter: outcome.item,
      audit: {
        action: 'RECONCILIATION_REFUND_CONFIRMED',
        actor: command.principal.principalId,
        occurredAt: now.toISOString(),
        facts: { reconciliationItemId: item.itemId, refundId, amountHalalas: item.amountHalalas, proposedBy: outcome.item.resolution?.proposedBy ?? '' },
      },
      events: [
        outboundEvent(
          PAYMENTS_EVENTS.unappliedCashRefundRequested,
          { refundId, reconciliationItemId: item.itemId, amountHalalas: item.amountHalalas, requestedAt: now.toISOString() },
          newEventFacts(deps.ids, command.correlationId, now),
        ),
      ],
    });
    return outcome.item;
  }
  assertPlanCanTake(plan, item.amountHalalas);

  // No intent reserved this money, so it leaves the payable balance now (lending's receivePayment, unreserved).
  const received = receivePayment(plan, item.amountHalalas, riyadhCalendarDate(now), false);
  const { plan: planAfter, delinquency, completed } = received;
  const { outstandingHalalas } = planAfter;
  const envelope = () => newEventFacts(deps.ids, command.correlationId, now);
  const events: PlanEvent[] = [
    outboundEvent(
      PAYMENTS_EVENTS.unappliedCashApplied,
      { reconciliationItemId: item.itemId, planId: plan.planId, customerId: plan.customerId, amountHalalas: item.amountHalalas, outstandingHalalas, appliedAt: now.toISOString() },
      envelope(),
    ),
    ...bucketTransitionEvents(plan, delinquency, deps, command.correlationId, now),
    ...(completed ? [outboundEvent(LENDING_EVENTS.planCompleted, { planId: plan.planId, customerId: plan.customerId, completedAt: now.toISOString() }, envelope())] : []),
  ];
  const facts = { reconciliationItemId: item.itemId, planId: plan.planId, amountHalalas: item.amountHalalas, proposedBy: outcome.item.resolution?.proposedBy ?? '' };
  await deps.reconciliation.applyResolution({
    itemBefore: stored,
    itemAfter: outcome.item,
    itemAudit: { action: 'RECONCILIATION_RESOLUTION_CONFIRMED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts },
    planBefore: plan,
    planAfter,
    planAudit: { action: 'UNAPPLIED_CASH_APPLIED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts },
    journal: toJournalRecord(plan.planId, deps.ids.newId(), `Unapplied cash ${item.itemId} applied`, now, unappliedCashAppliedJournal(item.amountHalalas)),
    events,
  });
  return outcome.item;
}

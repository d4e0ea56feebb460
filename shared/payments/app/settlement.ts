/**
 * Settling a payment once the gateway reports its outcome. No payment is lost or counted twice: every settlement
 * is conditional on the payment's status and on the gateway event being new, and commits with its journal in one
 * transaction. Replays, duplicates and late or out-of-order deliveries change nothing.
 */
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { paymentConfirmedJournal } from '../../ledger/index.ts';
import { bucketTransitionEvents, LENDING_EVENTS, receivePayment, releaseReservation, riyadhCalendarDate, toJournalRecord, type Plan } from '../../lending/index.ts';
import { checkoutReferenceOf } from '../api/checkout-reference.ts';
import { paymentsError } from '../api/error-codes.ts';
import { PAYMENTS_EVENTS } from '../api/events.ts';
import type { Payment, PaymentSettler } from '../domain/payment.ts';
import type { ReconciliationReason } from '../domain/reconciliation.ts';
import type { PaymentDeps } from './payment-deps.ts';
import { holdUnappliedCash } from './reconciliation.ts';
import { settleDownPayment } from './down-payments.ts';

export interface GatewayNotification {
  readonly gatewayEventId: string;
  readonly outcome: 'CONFIRMED' | 'FAILED';
  readonly planId: string;
  readonly paymentId: string;
  readonly amountHalalas: number;
  /** Who settles: the gateway by webhook (the default), or our expiry job failing an intent the gateway never settled. */
  readonly settledBy?: PaymentSettler;
}

/**
 * `held-for-reconciliation`: the gateway reports money received that matches no payable intent (an unknown payment,
 * a different amount, a payment already settled the other way). The money is recorded in suspense and the caller
 * must page an operator. `contradicts-settlement`: a failure reported for a payment already confirmed; no money
 * arrived, but the gateway and the ledger disagree, so the caller must raise it too.
 */
export type SettlementResult = 'settled' | 'duplicate' | 'already-settled' | 'held-for-reconciliation' | 'duplicate-held-for-reconciliation' | 'contradicts-settlement';

type Command = GatewayNotification & { readonly correlationId: string };

/** Applies a gateway webhook once. */
export async function settlePayment(command: Command, deps: PaymentDeps): Promise<SettlementResult> {
  const { payment, plan, project, gatewayEvent } = await deps.paymentStore.loadForSettlement(command.planId, command.paymentId, command.gatewayEventId);
  // A redelivery of held money says so again, so that the operator is paged even if the first delivery crashed
  // between committing the hold and raising the alarm.
  if (gatewayEvent !== undefined) return gatewayEvent.heldForReconciliation ? 'duplicate-held-for-reconciliation' : 'duplicate';
  const confirmed = command.outcome === 'CONFIRMED';
  const hold = (reason: ReconciliationReason) =>
    holdUnappliedCash({ gatewayEventId: command.gatewayEventId, checkoutReference: checkoutReferenceOf(command.paymentId), planId: command.planId, amountHalalas: command.amountHalalas }, reason, deps);
  if (payment === undefined || plan === undefined) {
    if (confirmed) return hold('UNKNOWN_PAYMENT');
    throw paymentsError('PAYMENT_NOT_FOUND');
  }
  // A confirmation the gateway delivered after our expiry job failed the intent: the customer paid, so the money
  // is applied if the plan can still take it (the expiry released the reservation), like a fresh intent confirmed.
  const lateConfirmation = payment.status === 'FAILED' && payment.settledBy === 'intent-expiry' && confirmed;
  if (payment.status !== 'PENDING' && !lateConfirmation) {
    // A redelivery of the same event stopped at the replay guard above, so a confirmation under another event id for
    // a confirmed payment is a second capture: its money is recorded too, never assumed to be the same money.
    if (payment.status === command.outcome) return confirmed ? hold('DUPLICATE_CAPTURE') : 'already-settled';
    return confirmed ? hold('CONTRADICTS_SETTLEMENT') : 'contradicts-settlement';
  }
  if (payment.amountHalalas !== command.amountHalalas) {
    if (confirmed) return hold('AMOUNT_MISMATCH');
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'body.amountHalalas', issue: 'does not match the payment intent' }] });
  }
  if (payment.purpose === 'DOWN_PAYMENT') {
    const result = await settleDownPayment(
      { payment, project, outcome: command.outcome, previousStatus: lateConfirmation ? 'FAILED' : 'PENDING', gatewayEventId: command.gatewayEventId, settledBy: command.settledBy, correlationId: command.correlationId },
      deps,
    );
    if (result !== 'refused') return result;
    return confirmed ? hold('CONTRADICTS_SETTLEMENT') : 'contradicts-settlement';
  }
  if (lateConfirmation && (plan.status !== 'ACTIVE' || plan.payableHalalas < payment.amountHalalas)) return hold('CONTRADICTS_SETTLEMENT');
  const settlement = { command, payment, plan, previousStatus: lateConfirmation ? ('FAILED' as const) : ('PENDING' as const), now: deps.clock.now() };
  return confirmed ? commitConfirmation(settlement, deps) : commitFailure(settlement, deps);
}

interface Settlement {
  readonly command: Command;
  readonly payment: Payment;
  readonly plan: Plan;
  readonly previousStatus: 'PENDING' | 'FAILED';
  readonly now: Date;
}

const settled = ({ command, payment, now }: Settlement): Payment => ({ ...payment, status: command.outcome, settledAt: now, settledBy: command.settledBy ?? 'payment-gateway' });

/** A failed or expired intent releases what it reserved; no money moved, so no journal. */
function commitFailure(settlement: Settlement, deps: PaymentDeps): Promise<'settled' | 'duplicate'> {
  const { command, payment, plan, now } = settlement;
  const failed = { paymentId: payment.paymentId, planId: plan.planId, amountHalalas: payment.amountHalalas, failedAt: now.toISOString() };
  return deps.paymentStore.settlePayment({
    payment: settled(settlement),
    previousStatus: settlement.previousStatus,
    gatewayEventId: command.gatewayEventId,
    planBefore: plan,
    planAfter: releaseReservation(plan, payment.amountHalalas),
    journal: undefined,
    audit:
      command.settledBy === 'intent-expiry'
        ? { action: 'PAYMENT_INTENT_EXPIRED', actor: 'system', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId, expiredAt: payment.expiresAt.toISOString() } }
        : { action: 'PAYMENT_FAILED', actor: 'payment-gateway', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId } },
    events: [outboundEvent(PAYMENTS_EVENTS.paymentFailed, failed, newEventFacts(deps.ids, command.correlationId, now))],
  });
}

/** Confirmed money is applied to the plan's installments and journaled; intents reserved it, so it always fits. */
function commitConfirmation(settlement: Settlement, deps: PaymentDeps): Promise<'settled' | 'duplicate'> {
  const { command, payment, plan, now } = settlement;
  const lateConfirmation = settlement.previousStatus === 'FAILED';
  // An intent's amount left the payable balance when it was created; a late confirmation's was released on expiry.
  const received = receivePayment(plan, payment.amountHalalas, riyadhCalendarDate(now), !lateConfirmation);
  const facts = () => newEventFacts(deps.ids, command.correlationId, now);
  const receipt = { paymentId: payment.paymentId, planId: plan.planId, customerId: plan.customerId, amountHalalas: payment.amountHalalas, allocations: [...received.allocations], outstandingHalalas: received.plan.outstandingHalalas, receivedAt: now.toISOString() };
  const events: OutboundEvent[] = [
    outboundEvent(PAYMENTS_EVENTS.paymentReceived, receipt, facts()),
    ...bucketTransitionEvents(plan, received.delinquency, deps, command.correlationId, now),
    ...(received.completed
      ? [outboundEvent(LENDING_EVENTS.planCompleted, { planId: plan.planId, customerId: plan.customerId, completedAt: now.toISOString() }, facts())]
      : []),
  ];
  return deps.paymentStore.settlePayment({
    payment: settled(settlement),
    previousStatus: settlement.previousStatus,
    gatewayEventId: command.gatewayEventId,
    planBefore: plan,
    planAfter: received.plan,
    journal: toJournalRecord(plan.planId, deps.ids.newId(), `Payment ${payment.paymentId} confirmed`, now, paymentConfirmedJournal(payment.amountHalalas)),
    audit: {
      action: lateConfirmation ? 'PAYMENT_CONFIRMED_AFTER_EXPIRY' : 'PAYMENT_CONFIRMED',
      actor: 'payment-gateway',
      occurredAt: now.toISOString(),
      facts: { paymentId: payment.paymentId, amountHalalas: payment.amountHalalas },
    },
    events,
  });
}

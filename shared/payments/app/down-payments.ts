/**
 * Down payments: the part of an installer's quote the customer pays, collected through the same gateway flow as an
 * installment (an intent, a checkout, the signed webhook) but held for the contractor. It never reduces what the
 * plan owes or the customer's exposure; the projects context's status moves with it.
 */
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotentOutcome, type IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { buildEventEnvelope, newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { PaymentMethod } from '../../kernel/payment-methods.ts';
import { downPaymentReceivedJournal } from '../../ledger/index.ts';
import { toJournalRecord } from '../../lending/index.ts';
import { PROJECTS_EVENTS, projectsError, receiveDownPayment, type Project } from '../../projects/index.ts';
import { checkoutReferenceOf } from '../api/checkout-reference.ts';
import { paymentsError } from '../api/error-codes.ts';
import { PAYMENTS_EVENTS } from '../api/events.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentDeps } from './payment-deps.ts';

export async function createDownPaymentIntent(
  command: {
    readonly principal: Principal;
    readonly projectId: string;
    readonly method: PaymentMethod;
    readonly correlationId: string;
    readonly idempotency: IdempotentRequest<Payment>;
  },
  deps: Pick<PaymentDeps, 'paymentStore' | 'clock' | 'ids' | 'plans'>,
): Promise<IdempotentOutcome<Payment>> {
  const now = deps.clock.now();
  const { project, idempotency } = await deps.paymentStore.loadProjectForDownPayment(command.projectId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (project === undefined || project.customerId !== command.principal.principalId) throw projectsError('PROJECT_NOT_FOUND');
  if (project.status !== 'AWAITING_DOWN_PAYMENT') throw projectsError('PROJECT_STATUS_CONFLICT');
  if (project.pendingDownPaymentId !== undefined) throw paymentsError('DOWN_PAYMENT_PENDING');
  const paymentId = deps.ids.newId();
  const payment: Payment = {
    paymentId,
    planId: project.planId,
    customerId: project.customerId,
    amountHalalas: project.downPaymentHalalas,
    method: command.method,
    purpose: 'DOWN_PAYMENT',
    status: 'PENDING',
    checkoutReference: checkoutReferenceOf(paymentId),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.plans.paymentIntentTtlSecondsByMethod[command.method] * 1000),
  };
  await deps.paymentStore.createDownPaymentIntent({
    project,
    projectAfter: { ...project, pendingDownPaymentId: paymentId },
    payment,
    audit: {
      action: 'DOWN_PAYMENT_INTENT_CREATED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { paymentId, amountHalalas: payment.amountHalalas, method: command.method, expiresAt: payment.expiresAt.toISOString() },
    },
    event: buildEventEnvelope(
      PAYMENTS_EVENTS.paymentIntentCreated,
      { paymentId, planId: project.planId, checkoutReference: payment.checkoutReference, amountHalalas: payment.amountHalalas, method: command.method },
      newEventFacts(deps.ids, command.correlationId, now),
    ),
    idempotency: { scope: command.idempotency, response: command.idempotency.replyTo(payment) },
  });
  return { kind: 'performed', value: payment };
}

/** What a gateway outcome for a down payment does; the caller has checked the event is new and the amount matches. */
export type DownPaymentSettlementResult = 'settled' | 'duplicate' | 'refused';

/**
 * A confirmation moves the project on and journals the money as held; a failure (or the expiry job) frees the
 * project for another attempt. `refused` when the project can no longer take the money (it moved on, or another
 * attempt is pending): the caller holds it for reconciliation.
 */
export function settleDownPayment(
  settlement: { readonly payment: Payment; readonly project: Project | undefined; readonly outcome: 'CONFIRMED' | 'FAILED'; readonly previousStatus: 'PENDING' | 'FAILED'; readonly gatewayEventId: string; readonly settledBy: Payment['settledBy']; readonly correlationId: string },
  deps: Pick<PaymentDeps, 'paymentStore' | 'clock' | 'ids'>,
): Promise<DownPaymentSettlementResult> {
  const { payment, project, outcome } = settlement;
  const now = deps.clock.now();
  const settled: Payment = { ...payment, status: outcome, settledAt: now, settledBy: settlement.settledBy ?? 'payment-gateway' };
  const facts = () => newEventFacts(deps.ids, settlement.correlationId, now);
  if (project === undefined) return Promise.resolve('refused');
  if (outcome === 'FAILED') {
    const { pendingDownPaymentId: _released, ...released } = project;
    const stillPending = project.pendingDownPaymentId === payment.paymentId;
    return deps.paymentStore.settleDownPayment({
      payment: settled,
      previousStatus: settlement.previousStatus,
      gatewayEventId: settlement.gatewayEventId,
      projectBefore: project,
      // Only this attempt's reservation is released; a newer attempt keeps its own.
      projectAfter: stillPending ? { ...released } : project,
      audit:
        settled.settledBy === 'intent-expiry'
          ? { action: 'DOWN_PAYMENT_INTENT_EXPIRED', actor: 'system', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId } }
          : { action: 'DOWN_PAYMENT_FAILED', actor: 'payment-gateway', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId } },
      journal: undefined,
      events: [outboundEvent(PAYMENTS_EVENTS.paymentFailed, { paymentId: payment.paymentId, planId: payment.planId, amountHalalas: payment.amountHalalas, failedAt: now.toISOString() }, facts())],
    });
  }
  // A late confirmation (after the expiry failed the intent) is taken only while no other attempt is pending.
  const mayTake = project.pendingDownPaymentId === payment.paymentId || (settlement.previousStatus === 'FAILED' && project.pendingDownPaymentId === undefined);
  const moved = mayTake ? receiveDownPayment(project, payment.amountHalalas, now, payment.paymentId) : undefined;
  if (moved === undefined || moved.kind === 'refused') return Promise.resolve('refused');
  return deps.paymentStore.settleDownPayment({
    payment: settled,
    previousStatus: settlement.previousStatus,
    gatewayEventId: settlement.gatewayEventId,
    projectBefore: project,
    projectAfter: moved.project,
    audit: { action: 'DOWN_PAYMENT_RECEIVED', actor: 'payment-gateway', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId, amountHalalas: payment.amountHalalas } },
    journal: toJournalRecord(payment.planId, deps.ids.newId(), `Down payment ${payment.paymentId} received and held for the contractor`, now, downPaymentReceivedJournal(payment.amountHalalas)),
    events: [
      outboundEvent(
        PROJECTS_EVENTS.downPaymentReceived,
        { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, paymentId: payment.paymentId, amountHalalas: payment.amountHalalas, receivedAt: now.toISOString() },
        facts(),
      ),
    ],
  });
}

/** Payment intents: an amount the customer means to pay into their plan, reserved until the gateway settles it. */
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotentOutcome, type IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { buildEventEnvelope, newEventFacts } from '../../kernel/messaging/event-envelope.ts';
import type { PaymentMethod } from '../../kernel/payment-methods.ts';
import { lendingError, type PlanStore } from '../../lending/index.ts';
import { checkoutReferenceOf } from '../api/checkout-reference.ts';
import { paymentsError } from '../api/error-codes.ts';
import { PAYMENTS_EVENTS } from '../api/events.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentDeps } from './payment-deps.ts';

export async function createPaymentIntent(
  command: {
    readonly principal: Principal;
    readonly planId: string;
    /** Undefined asks for the whole remaining payable balance (early settlement). */
    readonly amountHalalas: number | undefined;
    readonly method: PaymentMethod;
    readonly correlationId: string;
    readonly idempotency: IdempotentRequest<Payment>;
  },
  deps: Pick<PaymentDeps, 'paymentStore' | 'clock' | 'ids' | 'plans'> & { readonly planStore: Pick<PlanStore, 'loadPlanForUpdate'> },
): Promise<IdempotentOutcome<Payment>> {
  const now = deps.clock.now();
  const { plan, idempotency } = await deps.planStore.loadPlanForUpdate(command.planId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (plan === undefined || plan.customerId !== command.principal.principalId) throw lendingError('PLAN_NOT_FOUND');
  if (plan.status !== 'ACTIVE') throw lendingError('PLAN_NOT_ACTIVE');
  const amountHalalas = command.amountHalalas ?? plan.payableHalalas;
  if (amountHalalas <= 0 || amountHalalas > plan.payableHalalas) throw paymentsError('PAYMENT_EXCEEDS_BALANCE');
  const paymentId = deps.ids.newId();
  const payment: Payment = {
    paymentId,
    planId: plan.planId,
    customerId: plan.customerId,
    amountHalalas,
    method: command.method,
    purpose: command.amountHalalas === undefined ? 'EARLY_SETTLEMENT' : 'INSTALLMENT',
    status: 'PENDING',
    checkoutReference: checkoutReferenceOf(paymentId),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.plans.paymentIntentTtlSecondsByMethod[command.method] * 1000),
  };
  await deps.paymentStore.createPaymentIntent({
    plan,
    payment,
    audit: {
      action: 'PAYMENT_AMOUNT_RESERVED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { paymentId, amountHalalas, method: command.method, expiresAt: payment.expiresAt.toISOString() },
    },
    event: buildEventEnvelope(
      PAYMENTS_EVENTS.paymentIntentCreated,
      { paymentId, planId: plan.planId, checkoutReference: payment.checkoutReference, amountHalalas, method: command.method },
      newEventFacts(deps.ids, command.correlationId, now),
    ),
    idempotency: { scope: command.idempotency, response: command.idempotency.replyTo(payment) },
  });
  return { kind: 'performed', value: payment };
}

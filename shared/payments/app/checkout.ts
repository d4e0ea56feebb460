/**
 * Opening the gateway checkout for a payment intent, from its outbox event. The event may arrive late (a retry, a
 * redrive from the DLQ hours later), so the intent is read first: a checkout is opened only for an intent that is
 * still PENDING and unexpired, so that a customer is never asked to pay for an intent already failed and released.
 */
import type { Clock } from '../../kernel/clock-and-ids.ts';
import type { PaymentMethod } from '../../kernel/payment-methods.ts';
import type { PaymentStore } from './ports.ts';

export interface CheckoutRequest {
  readonly checkoutReference: string;
  readonly planId: string;
  readonly amountHalalas: number;
  readonly method: PaymentMethod;
}

/** The payment gateway, as far as checkouts go; opening the same checkout twice is harmless (keyed by reference). */
export interface CheckoutGateway {
  openCheckout(request: CheckoutRequest): Promise<void>;
}

export type CheckoutOutcome = 'opened' | 'intent-not-found' | 'intent-settled' | 'intent-expired';

export async function openGatewayCheckout(
  command: CheckoutRequest & { readonly paymentId: string },
  deps: { readonly paymentStore: Pick<PaymentStore, 'findPayment'>; readonly gateway: CheckoutGateway; readonly clock: Clock },
): Promise<CheckoutOutcome> {
  const payment = await deps.paymentStore.findPayment(command.planId, command.paymentId);
  if (payment === undefined) return 'intent-not-found';
  if (payment.status !== 'PENDING') return 'intent-settled';
  if (payment.expiresAt <= deps.clock.now()) return 'intent-expired';
  // The stored intent, not the event, says what to charge.
  await deps.gateway.openCheckout({ checkoutReference: payment.checkoutReference, planId: payment.planId, amountHalalas: payment.amountHalalas, method: payment.method });
  return 'opened';
}

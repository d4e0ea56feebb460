/** How a payment intent looks to API clients. */
import type { Payment } from '../domain/payment.ts';

export function toPaymentView(payment: Payment) {
  return {
    paymentId: payment.paymentId,
    planId: payment.planId,
    amountHalalas: payment.amountHalalas,
    method: payment.method,
    purpose: payment.purpose,
    status: payment.status,
    checkoutReference: payment.checkoutReference,
    createdAt: payment.createdAt.toISOString(),
    expiresAt: payment.expiresAt.toISOString(),
  };
}

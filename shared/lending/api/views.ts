/** How offers, plans and payments look to API clients. Money is integer halalas; fees are always zero. */
import type { Offer, Payment, Plan } from '../app/plan-store.ts';

export function toOfferView(offer: Offer) {
  return {
    offerId: offer.offerId,
    financedHalalas: offer.financedHalalas,
    downPaymentHalalas: offer.downPaymentHalalas,
    feesHalalas: 0,
    installments: offer.installments.map(({ sequence, dueDate, amountHalalas }) => ({ sequence, dueDate, amountHalalas })),
    expiresAt: offer.expiresAt.toISOString(),
  };
}

export function toPlanView(plan: Plan) {
  return {
    planId: plan.planId,
    status: plan.status,
    amountHalalas: plan.amountHalalas,
    downPaymentHalalas: plan.downPaymentHalalas,
    financedHalalas: plan.financedHalalas,
    outstandingHalalas: plan.outstandingHalalas,
    feesHalalas: 0,
    delinquencyBucket: plan.delinquencyBucket,
    createdAt: plan.createdAt.toISOString(),
    installments: plan.installments.map(({ sequence, dueDate, amountHalalas, paidHalalas, status }) => ({ sequence, dueDate, amountHalalas, paidHalalas, status })),
  };
}

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

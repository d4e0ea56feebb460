/** How offers and plans look to API clients. Money is integer halalas; fees are always zero. */
import type { StatementPage } from '../app/plans.ts';
import type { Offer, Plan } from '../domain/plan.ts';

export function toOfferView(offer: Offer) {
  return {
    offerId: offer.offerId,
    financedHalalas: offer.financedHalalas,
    downPaymentHalalas: offer.downPaymentHalalas,
    feesHalalas: 0,
    installments: offer.installments.map(({ sequence, dueDate, amountHalalas }) => ({ sequence, dueDate, amountHalalas })),
    expiresAt: offer.expiresAt.toISOString(),
    ...(offer.quote === undefined ? {} : { amountHalalas: offer.amountHalalas, quoteId: offer.quote.quoteId }),
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
    // A project shares its plan's id (docs/decisions/0024-a-project-shares-its-plans-id.md).
    ...(plan.purchase === undefined ? {} : { quoteId: plan.purchase.quoteId, contractorId: plan.purchase.contractorId, projectId: plan.planId }),
    scheduleStatus: plan.scheduleProvisional === true ? ('PROVISIONAL' as const) : ('FIXED' as const),
  };
}

export function toStatementView(page: StatementPage) {
  return {
    planId: page.planId,
    journals: page.journals.map((journal) => ({
      journalId: journal.journalId,
      description: journal.description,
      postedAt: journal.postedAt.toISOString(),
      ...(journal.reverses === undefined ? {} : { reverses: journal.reverses }),
      entries: journal.entries.map(({ account, side, amountHalalas }) => ({ account, side, amountHalalas })),
    })),
    ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
  };
}

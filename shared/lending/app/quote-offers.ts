/**
 * Financing an installer's quote: the customer accepts one quote on their request and gets an offer bound to it.
 * The amount is the quote's total; what the SAMA limit and the customer's credit ceiling leave unfinanced is the
 * down payment by default, and a larger one may be chosen. Every offer rule applies, with the same codes. Acceptance
 * only issues the offer; the plan made from it settles the request (plans.ts).
 */
import type { ContractorStore } from '../../contractors/index.ts';
import { customersError } from '../../customers/index.ts';
import { riyadhCalendarDate } from '../../kernel/calendar-date.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotencyStore, type IdempotentOutcome, type IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { marketplaceError, type MarketplaceStore } from '../../marketplace/index.ts';
import { availableExposureHalalas, borrowingLimitHalalas, defaultFinancedHalalas } from '../domain/offer-policy.ts';
import type { Offer } from '../domain/plan.ts';
import { offerFor, type OfferDeps } from './offers.ts';

export interface QuoteOfferDeps extends OfferDeps {
  readonly marketplaceStore: Pick<MarketplaceStore, 'loadRequestWithQuotes'>;
  readonly contractorStore: Pick<ContractorStore, 'findContractor'>;
  readonly idempotencyStore: Pick<IdempotencyStore, 'find'>;
}

export async function acceptQuote(
  command: {
    readonly principal: Principal;
    readonly requestId: string;
    readonly quoteId: string;
    readonly installmentCount: number;
    readonly downPaymentHalalas?: number;
    readonly idempotency: IdempotentRequest<Offer>;
  },
  deps: QuoteOfferDeps,
): Promise<IdempotentOutcome<Offer>> {
  const customerId = command.principal.principalId;
  const now = deps.clock.now();
  const [{ request, quotes }, applicant, record] = await Promise.all([
    deps.marketplaceStore.loadRequestWithQuotes(command.requestId),
    deps.offerStore.findApplicant(customerId),
    deps.idempotencyStore.find(command.idempotency),
  ]);
  const replay = replayOrReject(record, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  // Another customer's request is indistinguishable from a missing one.
  if (request === undefined || request.customerId !== customerId) throw marketplaceError('QUOTE_REQUEST_NOT_FOUND');
  if (request.status === 'ACCEPTED') throw marketplaceError('QUOTE_REQUEST_ALREADY_ACCEPTED');
  const quote = quotes.find((candidate) => candidate.quoteId === command.quoteId);
  if (quote === undefined) throw marketplaceError('QUOTE_NOT_FOUND');
  if (quote.validUntil < riyadhCalendarDate(now)) throw marketplaceError('QUOTE_EXPIRED');
  // A suspended installer's quotes are hidden from the comparison, and cannot be financed either.
  const contractor = await deps.contractorStore.findContractor(quote.contractorId);
  if (contractor?.contractor.status !== 'APPROVED') throw marketplaceError('QUOTE_NOT_FOUND');
  if (applicant === undefined) throw customersError('CUSTOMER_NOT_FOUND');

  const availableHalalas = availableExposureHalalas(borrowingLimitHalalas(applicant.latestAssessment, deps.lending), applicant.outstandingHalalas);
  const downPaymentHalalas = command.downPaymentHalalas ?? quote.totalHalalas - defaultFinancedHalalas(availableHalalas, quote.totalHalalas);
  const offer = await offerFor(
    applicant,
    {
      amountHalalas: quote.totalHalalas,
      downPaymentHalalas,
      installmentCount: command.installmentCount,
      quote: {
        requestId: request.requestId,
        quoteId: quote.quoteId,
        contractorId: quote.contractorId,
        quoteCountAtOffer: request.quoteCount,
        otherQuotes: quotes.filter((other) => other.quoteId !== quote.quoteId && other.status === 'SUBMITTED').map(({ quoteId, contractorId }) => ({ quoteId, contractorId })),
      },
    },
    deps,
    now,
  );
  await deps.offerStore.saveOfferIdempotently(offer, { scope: command.idempotency, response: command.idempotency.replyTo(offer) });
  return { kind: 'performed', value: offer };
}

/**
 * Quote requests and quotes: a registered customer asks approved installers in their city for quotes on a stored
 * estimate, with consent to share its facts (never who they are); each approved installer quotes once; the customer
 * compares the quotes with the calculator's figures for each size and price.
 */
import { customersError } from '../../customers/index.ts';
import { riyadhCalendarDate } from '../../kernel/calendar-date.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotentOutcome, type IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { findCity, sizedSystemFigures, solarError, type SizedSystemFigures, type SolarEstimatePolicy } from '../../solar/index.ts';
import { marketplaceError } from '../api/error-codes.ts';
import { MARKETPLACE_EVENTS } from '../api/events.ts';
import { checkQuote, effectiveStatus, pricePerKilowattPeakHalalas, priceQuote, type MarketplacePolicy, type Quote, type QuoteLine, type QuoteRequest } from '../domain/quotes.ts';
import type { ContractorDirectory, ContractorView, MarketplaceStore, Page } from './ports.ts';

export interface MarketplaceDeps {
  readonly marketplaceStore: MarketplaceStore;
  readonly contractors: ContractorDirectory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy: MarketplacePolicy;
  readonly solar: SolarEstimatePolicy;
}

export async function requestQuotes(
  command: { readonly principal: Principal; readonly estimateId: string; readonly consent: boolean; readonly note?: string; readonly correlationId: string; readonly idempotency: IdempotentRequest<QuoteRequest> },
  deps: Pick<MarketplaceDeps, 'marketplaceStore' | 'clock' | 'ids' | 'policy'>,
): Promise<IdempotentOutcome<QuoteRequest>> {
  if (!command.consent) throw kernelError('CONSENT_REQUIRED', { details: [{ field: 'body.consent', issue: 'must be true' }] });
  const customerId = command.principal.principalId;
  const now = deps.clock.now();
  const { estimate, registered, idempotency } = await deps.marketplaceStore.loadForQuoteRequest(customerId, command.estimateId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (!registered) throw customersError('CUSTOMER_NOT_FOUND');
  if (estimate === undefined) throw solarError('SOLAR_ESTIMATE_NOT_FOUND');
  const { system, consumption, cityId } = estimate.figures;
  const request: QuoteRequest = {
    requestId: deps.ids.newId(),
    customerId,
    estimateId: estimate.estimateId,
    cityId,
    recommendedWatts: system.recommendedWatts,
    roofAreaSquareMeters: system.roofAreaSquareMeters,
    monthlyConsumptionKilowattHours: consumption.monthlyKilowattHours,
    ...(command.note === undefined ? {} : { note: command.note }),
    consentGivenAt: now,
    createdAt: now,
    closesAt: new Date(now.getTime() + deps.policy.quoteRequestOpenSeconds * 1_000),
    quoteCount: 0,
    status: 'OPEN',
  };
  const outcome = await deps.marketplaceStore.createQuoteRequest(
    request,
    outboundEvent(MARKETPLACE_EVENTS.quoteRequested, { requestId: request.requestId, cityId, recommendedWatts: request.recommendedWatts, closesAt: request.closesAt.toISOString(), requestedAt: now.toISOString() }, newEventFacts(deps.ids, command.correlationId, now)),
    { scope: command.idempotency, response: command.idempotency.replyTo(request) },
  );
  if (outcome === 'already-requested') throw marketplaceError('QUOTE_REQUEST_EXISTS');
  return { kind: 'performed', value: request };
}

export function listOwnQuoteRequests(command: { readonly principal: Principal; readonly limit: number; readonly cursor?: string }, deps: Pick<MarketplaceDeps, 'marketplaceStore'>): Promise<Page<QuoteRequest>> {
  return deps.marketplaceStore.listOwnQuoteRequests(command.principal.principalId, command.limit, command.cursor);
}

/** Only an approved contractor may look at requests or quote; anyone else is told so, whatever they ask for. */
async function approvedContractor(principal: Principal, contractors: ContractorDirectory): Promise<ContractorView> {
  const contractor = await contractors.contractorOf(principal.principalId);
  if (contractor?.status !== 'APPROVED') throw marketplaceError('CONTRACTOR_NOT_APPROVED');
  return contractor;
}

export async function listOpenQuoteRequests(
  command: { readonly principal: Principal; readonly cityId: string; readonly limit: number; readonly cursor?: string },
  deps: Pick<MarketplaceDeps, 'marketplaceStore' | 'contractors' | 'clock'>,
): Promise<Page<QuoteRequest>> {
  const contractor = await approvedContractor(command.principal, deps.contractors);
  if (!contractor.cityIds.includes(command.cityId)) throw marketplaceError('QUOTE_REQUEST_CITY_NOT_SERVED');
  return deps.marketplaceStore.listOpenQuoteRequests(command.cityId, deps.clock.now(), command.limit, command.cursor);
}

export async function submitQuote(
  command: { readonly principal: Principal; readonly requestId: string; readonly line: QuoteLine; readonly correlationId: string; readonly idempotency: IdempotentRequest<Quote> },
  deps: Pick<MarketplaceDeps, 'marketplaceStore' | 'contractors' | 'clock' | 'ids' | 'policy'>,
): Promise<IdempotentOutcome<Quote>> {
  const contractor = await approvedContractor(command.principal, deps.contractors);
  const now = deps.clock.now();
  const { request, existingQuote, idempotency } = await deps.marketplaceStore.loadForQuote(command.requestId, contractor.contractorId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  // A contractor sees only its cities' requests: one elsewhere does not exist for it.
  if (request === undefined || !contractor.cityIds.includes(request.cityId)) throw marketplaceError('QUOTE_REQUEST_NOT_FOUND');
  if (existingQuote) throw marketplaceError('QUOTE_ALREADY_SUBMITTED');
  // Full, past its window, or already financed: no more quotes.
  if (effectiveStatus(request, now) !== 'OPEN') throw marketplaceError('QUOTE_REQUEST_CLOSED');
  const check = checkQuote(command.line, riyadhCalendarDate(now), deps.policy);
  if (check.kind === 'refused') throw marketplaceError(check.code);
  const quote: Quote = {
    ...command.line,
    ...priceQuote(command.line, deps.policy),
    quoteId: deps.ids.newId(),
    requestId: request.requestId,
    contractorId: contractor.contractorId,
    contractorName: contractor.legalName,
    status: 'SUBMITTED',
    submittedAt: now,
    responseSeconds: Math.round((now.getTime() - request.createdAt.getTime()) / 1_000),
  };
  const outcome = await deps.marketplaceStore.submitQuote(
    quote,
    request,
    request.quoteCount + 1 >= deps.policy.quotesPerRequestMax,
    now,
    outboundEvent(
      MARKETPLACE_EVENTS.quoteSubmitted,
      { quoteId: quote.quoteId, requestId: quote.requestId, contractorId: quote.contractorId, systemWatts: quote.systemWatts, totalHalalas: quote.totalHalalas, responseSeconds: quote.responseSeconds, submittedAt: now.toISOString() },
      newEventFacts(deps.ids, command.correlationId, now),
    ),
    { scope: command.idempotency, response: command.idempotency.replyTo(quote) },
  );
  if (outcome === 'already-quoted') throw marketplaceError('QUOTE_ALREADY_SUBMITTED');
  // The count moved (another quote) or the request closed since it was read: a retry decides which.
  if (outcome === 'request-changed') throw kernelError('CONCURRENT_UPDATE');
  return { kind: 'performed', value: quote };
}

export interface ComparedQuote {
  readonly quote: Quote;
  readonly pricePerKilowattPeakHalalas: number;
  readonly figures: SizedSystemFigures;
}

/** The customer's own request's quotes, with the calculator's figures for each; a suspended contractor's are hidden. */
export async function compareQuotes(
  command: { readonly principal: Principal; readonly requestId: string },
  deps: Pick<MarketplaceDeps, 'marketplaceStore' | 'contractors' | 'solar'>,
): Promise<{ readonly request: QuoteRequest; readonly quotes: readonly ComparedQuote[] }> {
  const request = await deps.marketplaceStore.findQuoteRequest(command.requestId);
  if (request === undefined || request.customerId !== command.principal.principalId) throw marketplaceError('QUOTE_REQUEST_NOT_FOUND');
  const quotes = await deps.marketplaceStore.listQuotes(request.requestId);
  const contractors = await Promise.all(quotes.map((quote) => deps.contractors.find(quote.contractorId)));
  const city = findCity(request.cityId);
  if (city === undefined) throw new Error(`A quote request names an unsupported city: ${request.cityId}`);
  return {
    request,
    quotes: quotes
      .filter((_, index) => contractors[index]?.status !== 'SUSPENDED')
      .map((quote) => ({
        quote,
        pricePerKilowattPeakHalalas: pricePerKilowattPeakHalalas(quote.totalHalalas, quote.systemWatts),
        figures: sizedSystemFigures({ city, monthlyConsumptionKilowattHours: request.monthlyConsumptionKilowattHours, systemWatts: quote.systemWatts, priceHalalas: quote.totalHalalas }, deps.solar),
      })),
  };
}

export async function listOwnQuotes(
  command: { readonly principal: Principal; readonly limit: number; readonly cursor?: { readonly quoteId: string; readonly requestId: string } },
  deps: Pick<MarketplaceDeps, 'marketplaceStore' | 'contractors'>,
): Promise<Page<Quote>> {
  const contractor = await deps.contractors.contractorOf(command.principal.principalId);
  if (contractor === undefined) throw marketplaceError('CONTRACTOR_NOT_APPROVED');
  return deps.marketplaceStore.listOwnQuotes(contractor.contractorId, command.limit, command.cursor);
}

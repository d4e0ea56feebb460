/** What customers and installers see of requests and quotes. An installer's view of a request names no customer. */
import type { ComparedQuote } from '../app/quotes.ts';
import { effectiveStatus, type Quote, type QuoteRequest } from '../domain/quotes.ts';

function requestFacts(request: QuoteRequest, now: Date): Record<string, unknown> {
  return {
    requestId: request.requestId,
    cityId: request.cityId,
    recommendedWatts: request.recommendedWatts,
    roofAreaSquareMeters: request.roofAreaSquareMeters,
    monthlyConsumptionKilowattHours: request.monthlyConsumptionKilowattHours,
    note: request.note,
    status: effectiveStatus(request, now),
    quoteCount: request.quoteCount,
    createdAt: request.createdAt.toISOString(),
    closesAt: request.closesAt.toISOString(),
  };
}

export const toQuoteRequestView = (request: QuoteRequest, now: Date): Record<string, unknown> => ({ ...requestFacts(request, now), estimateId: request.estimateId });
export const toQuoteRequestForContractorView = requestFacts;

export function toQuoteView(quote: Quote): Record<string, unknown> {
  return { ...quote, submittedAt: quote.submittedAt.toISOString() };
}

export function toComparisonView(request: QuoteRequest, quotes: readonly ComparedQuote[], now: Date): Record<string, unknown> {
  return {
    request: toQuoteRequestView(request, now),
    quotes: quotes.map(({ quote, pricePerKilowattPeakHalalas, figures }) => ({
      quote: toQuoteView(quote),
      pricePerKilowattPeakHalalas,
      annualKilowattHours: figures.annualKilowattHours,
      annualSavingsHalalas: figures.annualSavingsHalalas,
      simplePaybackYears: figures.simplePaybackYears,
    })),
  };
}

/** The marketplace's persistence port, and its view of the contractors it admits. */
import type { IdempotencyRecord, IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import type { StoredSolarEstimate } from '../../solar/index.ts';
import type { Quote, QuoteRequest } from '../domain/quotes.ts';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

export interface IdempotentWrite {
  readonly scope: IdempotencyScope;
  readonly response: StoredResponse;
}

export interface MarketplaceStore {
  /** One read: the customer's stored estimate, whether the customer is registered, and the idempotency record. */
  loadForQuoteRequest(customerId: string, estimateId: string, scope: IdempotencyScope): Promise<{ readonly estimate: StoredSolarEstimate | undefined; readonly registered: boolean; readonly idempotency: IdempotencyRecord | undefined }>;
  /** The request (listed for its owner and, while open, for its city), the per-estimate guard, the event and the idempotency record. */
  createQuoteRequest(request: QuoteRequest, event: OutboundEvent, idempotency: IdempotentWrite): Promise<'created' | 'already-requested'>;
  findQuoteRequest(requestId: string): Promise<QuoteRequest | undefined>;
  listOwnQuoteRequests(customerId: string, limit: number, afterRequestId: string | undefined): Promise<Page<QuoteRequest>>;
  listOpenQuoteRequests(cityId: string, now: Date, limit: number, afterRequestId: string | undefined): Promise<Page<QuoteRequest>>;
  /** One read: the request, this contractor's quote on it if any, and the idempotency record. */
  loadForQuote(requestId: string, contractorId: string, scope: IdempotencyScope): Promise<{ readonly request: QuoteRequest | undefined; readonly existingQuote: boolean; readonly idempotency: IdempotencyRecord | undefined }>;
  /**
   * The quote, and the request's count moved on by one (closing it when full), on condition that the request is
   * still open with the count read; 'already-quoted' if this contractor quoted meanwhile, 'request-changed' otherwise.
   */
  submitQuote(quote: Quote, request: QuoteRequest, closesNow: boolean, now: Date, event: OutboundEvent, idempotency: IdempotentWrite): Promise<'submitted' | 'already-quoted' | 'request-changed'>;
  listQuotes(requestId: string): Promise<readonly Quote[]>;
  /** One query of the request's partition: the request and all its quotes. */
  loadRequestWithQuotes(requestId: string): Promise<{ readonly request: QuoteRequest | undefined; readonly quotes: readonly Quote[] }>;
  listOwnQuotes(contractorId: string, limit: number, after: { readonly quoteId: string; readonly requestId: string } | undefined): Promise<Page<Quote>>;
}

/** What the marketplace needs to know of a contractor. */
export interface ContractorView {
  readonly contractorId: string;
  readonly status: string;
  readonly legalName: { readonly ar: string; readonly en: string };
  readonly cityIds: readonly string[];
}

export interface ContractorDirectory {
  /** The contractor the person acts for, if any. */
  contractorOf(principalId: string): Promise<ContractorView | undefined>;
  find(contractorId: string): Promise<ContractorView | undefined>;
}

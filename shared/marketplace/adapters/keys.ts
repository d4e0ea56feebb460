/**
 * The marketplace's key formats. A request's partition holds the request and, as an item collection, its quotes,
 * one per contractor (the key itself keeps a contractor to one quote). Open requests are listed per city on the
 * byDueDate index while they are open; customers and contractors list their own on byOwner.
 */
import { INDEXES, ownerPartition, type ItemKey, type KeyPrefix } from '../../kernel/storage/table.ts';

export const ENTITY_TYPES = { quoteRequest: 'QuoteRequest', quote: 'Quote', estimateQuoteRequestGuard: 'EstimateQuoteRequestGuard' } as const;

export const quoteRequestPartition = (requestId: string): string => `QUOTE_REQUEST#${requestId}`;
const QUOTE_PREFIX = 'QUOTE#';
const OWNED_REQUEST_PREFIX = 'QUOTE_REQUEST#';
const OPEN_IN_CITY_PREFIX = 'OPEN_QUOTE_REQUESTS#';

export const keys = {
  quoteRequest: (requestId: string): ItemKey => ({ PK: quoteRequestPartition(requestId), SK: 'REQUEST' }),
  quote: (requestId: string, contractorId: string): ItemKey => ({ PK: quoteRequestPartition(requestId), SK: `${QUOTE_PREFIX}${contractorId}` }),
  /** One request per estimate: asking again for the same estimate is answered 409. */
  estimateQuoteRequestGuard: (estimateId: string): ItemKey => ({ PK: `ESTIMATE_QUOTE_REQUEST#${estimateId}`, SK: 'GUARD' }),
  /** byOwner: a customer's requests, newest first by id. */
  ownedQuoteRequest: (customerId: string, requestId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: ownerPartition(customerId),
    [INDEXES.byOwner.sortKey]: `${OWNED_REQUEST_PREFIX}${requestId}`,
  }),
  ownedQuoteRequestPrefix: OWNED_REQUEST_PREFIX,
  /** byOwner: a contractor's quotes, newest first by id. */
  ownedQuote: (contractorId: string, quoteId: string): Record<string, string> => ({
    [INDEXES.byOwner.partitionKey]: ownerPartition(contractorId),
    [INDEXES.byOwner.sortKey]: `${QUOTE_PREFIX}${quoteId}`,
  }),
  ownedQuotePrefix: QUOTE_PREFIX,
  /** byDueDate, only while a request is open: its city's open requests, by id. */
  openInCity: (cityId: string, requestId: string): Record<string, string> => ({
    [INDEXES.byDueDate.partitionKey]: `${OPEN_IN_CITY_PREFIX}${cityId}`,
    [INDEXES.byDueDate.sortKey]: requestId,
  }),
  openInCityPartition: (cityId: string): string => `${OPEN_IN_CITY_PREFIX}${cityId}`,
} as const;

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { entityType: ENTITY_TYPES.quoteRequest, partitionKeyPrefix: 'QUOTE_REQUEST#', sortKeyPrefix: 'REQUEST', keySpace: 'table' },
  { entityType: ENTITY_TYPES.quote, partitionKeyPrefix: 'QUOTE_REQUEST#', sortKeyPrefix: QUOTE_PREFIX, keySpace: 'table' },
  { entityType: ENTITY_TYPES.estimateQuoteRequestGuard, partitionKeyPrefix: 'ESTIMATE_QUOTE_REQUEST#', sortKeyPrefix: 'GUARD', keySpace: 'table' },
  { entityType: ENTITY_TYPES.quoteRequest, partitionKeyPrefix: 'OWNER#', sortKeyPrefix: OWNED_REQUEST_PREFIX, keySpace: 'byOwner' },
  { entityType: ENTITY_TYPES.quote, partitionKeyPrefix: 'OWNER#', sortKeyPrefix: QUOTE_PREFIX, keySpace: 'byOwner' },
  { entityType: ENTITY_TYPES.quoteRequest, partitionKeyPrefix: OPEN_IN_CITY_PREFIX, sortKeyPrefix: '', keySpace: 'byDueDate' },
];

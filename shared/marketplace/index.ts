/** The only surface another context may import from the marketplace: its events, errors and key builders. */
export { MARKETPLACE_EVENTS } from './api/events.ts';
export { marketplaceError } from './api/error-codes.ts';
export { keys as marketplaceKeys } from './adapters/keys.ts';
export { quotePurchaseEvents, quotePurchaseWrites, PURCHASE_CONDITION_NAMES } from './adapters/purchase-items.ts';
export type { QuotePurchase, Quote, QuoteRequest } from './domain/quotes.ts';
export { DynamoDbMarketplaceStore } from './adapters/marketplace-store.ts';
export type { MarketplaceStore } from './app/ports.ts';

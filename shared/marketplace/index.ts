/** The only surface another context may import from the marketplace: its events, errors and key builders. */
export { MARKETPLACE_EVENTS } from './api/events.ts';
export { marketplaceError } from './api/error-codes.ts';
export { keys as marketplaceKeys } from './adapters/keys.ts';

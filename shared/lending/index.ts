/** The only surface another context may import from lending. */
export { lendingError } from './api/error-codes.ts';
export { LENDING_EVENTS } from './api/events.ts';

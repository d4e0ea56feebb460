/** The only surface another context may import from credit. */
export { creditError } from './api/error-codes.ts';
export { CREDIT_EVENTS } from './api/events.ts';

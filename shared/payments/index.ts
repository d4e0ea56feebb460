/** The only surface another context may import from payments. */
export { paymentsError } from './api/error-codes.ts';
export { PAYMENTS_EVENTS } from './api/events.ts';

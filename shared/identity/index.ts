/** The only surface another context may import from identity. */
export { identityError } from './api/error-codes.ts';
export { IDENTITY_EVENTS } from './api/events.ts';

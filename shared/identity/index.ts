/** The only surface another context may import from identity. */
export { identityError } from './api/error-codes.ts';
export { IDENTITY_EVENTS } from './api/events.ts';
export { keys as identityKeys } from './adapters/keys.ts';
export type { IdentityStore, Principal as IdentityPrincipal } from './app/identity-store.ts';
export { DynamoDbIdentityStore } from './adapters/identity-store.ts';
export { principalFromOptionalBearer } from './app/optional-sign-in.ts';
export { accessTokenVerification } from './compose.ts';

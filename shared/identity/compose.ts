/**
 * Builds adapters from configuration, once per process (per warm Lambda container). Handlers take only what they
 * use, so each bundle contains only the SDK clients its function needs. Whatever reads or writes personal data lives
 * in personal-data.ts, so that only functions which do bundle the AWS Encryption SDK.
 */
import { DynamoDbCustomerStore } from '../customers/adapters/customer-store.ts';
import { DynamoDbIdentityStore } from './adapters/identity-store.ts';
import { HttpNafathClient } from './adapters/nafath-client.ts';
import { HttpSimahClient } from '../credit/adapters/simah-client.ts';
import { KmsAccessTokenSigner } from './adapters/kms-token-signer.ts';
import { documentClient, kmsClient, once, platformConfig } from '../kernel/compose.ts';
import { nafathBaseUrl, simahBaseUrl, tokenIssuer, tokenSigningKeyId } from '../kernel/config/security-config.ts';
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import type { TokenDeps } from './app/token-issuer.ts';

export const identityStore = once(() => new DynamoDbIdentityStore(documentClient(), platformConfig().tableName));
export const customerStore = once(() => new DynamoDbCustomerStore(documentClient(), platformConfig().tableName));
export const nafathClient = once(() => new HttpNafathClient(nafathBaseUrl()));
export const simahClient = once(() => new HttpSimahClient(simahBaseUrl()));
export const tokenDeps = once(
  (): TokenDeps => ({ signer: new KmsAccessTokenSigner(kmsClient(), tokenSigningKeyId()), clock: systemClock, ids: ulidGenerator, issuer: tokenIssuer() }),
);
export { cachedAsync, clock, documentClient, ids, kmsClient, once, platformConfig } from '../kernel/compose.ts';

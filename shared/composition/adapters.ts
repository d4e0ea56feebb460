/**
 * Builds adapters from configuration, once per process (per warm Lambda container). Handlers take only what they
 * use, so each bundle contains only the SDK clients its function needs.
 */
import { DynamoDbCustomerStore } from '../adapters/dynamodb/customer-store.ts';
import { DynamoDbIdentityStore } from '../adapters/dynamodb/identity-store.ts';
import { HttpNafathClient } from '../adapters/government/nafath-client.ts';
import { HttpSimahClient } from '../adapters/government/simah-client.ts';
import { KmsBlindIndexer } from '../adapters/kms/blind-indexer.ts';
import { KmsAccessTokenSigner } from '../adapters/kms/kms-token-signer.ts';
import { KmsPersonalDataCipher } from '../adapters/kms/personal-data-cipher.ts';
import { documentClient, kmsClient, once, platformConfig } from './platform.ts';
import { blindIndexKeyId, nafathBaseUrl, piiKeyArn, simahBaseUrl, tokenIssuer, tokenSigningKeyId } from '../config/security-config.ts';
import { systemClock, ulidGenerator } from '../platform/clock-and-ids.ts';
import type { TokenDeps } from '../use-cases/auth/token-issuer.ts';

export const identityStore = once(() => new DynamoDbIdentityStore(documentClient(), platformConfig().tableName));
export const customerStore = once(() => new DynamoDbCustomerStore(documentClient(), platformConfig().tableName));
export const personalDataCipher = once(() => new KmsPersonalDataCipher(piiKeyArn(), platformConfig().tableName));
export const blindIndexer = once(() => new KmsBlindIndexer(kmsClient(), blindIndexKeyId()));
export const nafathClient = once(() => new HttpNafathClient(nafathBaseUrl()));
export const simahClient = once(() => new HttpSimahClient(simahBaseUrl()));
export const tokenDeps = once(
  (): TokenDeps => ({ signer: new KmsAccessTokenSigner(kmsClient(), tokenSigningKeyId()), clock: systemClock, ids: ulidGenerator, issuer: tokenIssuer() }),
);
export { cachedAsync, clock, documentClient, ids, kmsClient, once, platformConfig } from './platform.ts';

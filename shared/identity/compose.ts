/**
 * Builds identity's dependencies on first use, once per container: the only place its adapters and clients are
 * made and its configuration is read and checked. Whatever touches personal data is in compose-personal-data.ts.
 */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { cachedAsync, documentClient, kmsClient, once, platformConfig } from '../kernel/compose.ts';
import { nafathBaseUrl, tokenIssuer, tokenSigningKeyId } from '../kernel/config/security-config.ts';
import { webhookSecretLoader } from '../kernel/crypto/webhook-secret.ts';
import { DynamoDbIdentityStore } from './adapters/identity-store.ts';
import { KmsAccessTokenSigner, loadAccessTokenPublicKeys } from './adapters/kms-token-signer.ts';
import { HttpNafathClient } from './adapters/nafath-client.ts';
import type { TokenDeps } from './app/token-issuer.ts';

export const identityStore = /* @__PURE__ */ once(() => new DynamoDbIdentityStore(documentClient(), platformConfig().tableName));
export const nafathClient = /* @__PURE__ */ once(() => new HttpNafathClient(nafathBaseUrl()));
export const tokenDeps = /* @__PURE__ */ once((): TokenDeps => ({ signer: new KmsAccessTokenSigner(kmsClient(), tokenSigningKeyId()), clock: systemClock, ids: ulidGenerator, issuer: tokenIssuer() }));

/** Polling a session and refreshing tokens: the store and the token issuer. */
export const sessionDeps = /* @__PURE__ */ once(() => ({ identityStore: identityStore(), ...tokenDeps(), clock: systemClock, ids: ulidGenerator }));

/** The shared secret NAFATH signs its callbacks with, fetched once and kept for the container's life. */
export const nafathCallbackSecret = /* @__PURE__ */ once(() => webhookSecretLoader('nafathCallback'));

/** The access-token verification material: the issuer, and the signing key's public half, fetched once from KMS. */
export const accessTokenVerification = /* @__PURE__ */ once(() => {
  const signingKeyId = tokenSigningKeyId();
  return { issuer: tokenIssuer(), publicKeys: cachedAsync(() => loadAccessTokenPublicKeys(kmsClient(), signingKeyId)) };
});

export { systemClock as clock, ulidGenerator as ids } from '../kernel/clock-and-ids.ts';

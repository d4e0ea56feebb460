import { loadAccessTokenPublicKeys } from '../../shared/identity/adapters/kms-token-signer.ts';
import { ACCESS_TOKEN_ALGORITHM } from '../../shared/identity/domain/access-token.ts';
import { cachedAsync, kmsClient } from '../../shared/kernel/compose.ts';
import { tokenSigningKeyId } from '../../shared/kernel/config/security-config.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';

const signingKeyId = tokenSigningKeyId();
/** Fetched once per container: the key set only changes when the signing key does. */
const keySet = cachedAsync(async () => ({
  keys: [...(await loadAccessTokenPublicKeys(kmsClient(), signingKeyId))].map(([kid, publicKey]) => ({
    ...(publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string }),
    kid,
    alg: ACCESS_TOKEN_ALGORITHM,
    use: 'sig',
  })),
}));

export const handler = httpHandler(identityRoutes.getJsonWebKeySet, async () => ({
  statusCode: 200,
  body: await keySet(),
  headers: { 'Cache-Control': 'public, max-age=300' },
}));

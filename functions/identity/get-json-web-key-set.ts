import { ACCESS_TOKEN_ALGORITHM } from '../../shared/identity/app/access-token.ts';
import { accessTokenVerification } from '../../shared/identity/compose.ts';
import { cachedAsync } from '../../shared/kernel/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';

/** Fetched once per container: the key set only changes when the signing key does. */
const keySet = cachedAsync(async () => ({
  keys: [...(await accessTokenVerification().publicKeys())].map(([kid, publicKey]) => ({
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

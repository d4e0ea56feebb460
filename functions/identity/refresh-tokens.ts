import { identityStore, tokenDeps } from '../../shared/identity/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { refreshTokens } from '../../shared/identity/app/refresh-tokens.ts';

const deps = { identityStore: identityStore(), ...tokenDeps() };

export const handler = httpHandler(routes.refreshTokens, async (request) => ({
  statusCode: 200,
  body: await refreshTokens({ refreshToken: request.body.refreshToken }, deps),
}));

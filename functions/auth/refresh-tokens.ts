import { identityStore, tokenDeps } from '../../shared/composition/adapters.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { refreshTokens } from '../../shared/use-cases/auth/refresh-tokens.ts';

const deps = { identityStore: identityStore(), ...tokenDeps() };

export const handler = httpHandler(routes.refreshTokens, async (request) => ({
  statusCode: 200,
  body: await refreshTokens({ refreshToken: request.body.refreshToken }, deps),
}));

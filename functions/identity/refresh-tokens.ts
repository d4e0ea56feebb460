import { sessionDeps } from '../../shared/identity/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';
import { refreshTokens } from '../../shared/identity/app/refresh-tokens.ts';


export const handler = httpHandler(identityRoutes.refreshTokens, async (request) => ({
  statusCode: 200,
  body: await refreshTokens({ refreshToken: request.body.refreshToken }, sessionDeps()),
}));

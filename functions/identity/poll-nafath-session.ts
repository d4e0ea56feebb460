import { clock, identityStore, tokenDeps } from '../../shared/identity/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { pollNafathSession } from '../../shared/identity/app/sign-in-with-nafath.ts';

const deps = { identityStore: identityStore(), ...tokenDeps(), clock };

export const handler = httpHandler(routes.pollNafathSession, async (request) => ({
  statusCode: 200,
  body: await pollNafathSession({ sessionId: request.pathParameters.sessionId, pollToken: request.header('x-poll-token') }, deps),
}));

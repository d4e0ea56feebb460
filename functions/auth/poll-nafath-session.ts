import { clock, identityStore, tokenDeps } from '../../shared/composition/adapters.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { pollNafathSession } from '../../shared/use-cases/auth/sign-in-with-nafath.ts';

const deps = { identityStore: identityStore(), ...tokenDeps(), clock };

export const handler = httpHandler(routes.pollNafathSession, async (request) => ({
  statusCode: 200,
  body: await pollNafathSession({ sessionId: request.pathParameters.sessionId, pollToken: request.header('x-poll-token') }, deps),
}));

import { sessionDeps } from '../../shared/identity/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';
import { pollNafathSession } from '../../shared/identity/app/sign-in-with-nafath.ts';


export const handler = httpHandler(identityRoutes.pollNafathSession, async (request) => ({
  statusCode: 200,
  body: await pollNafathSession({ sessionId: request.pathParameters.sessionId, pollToken: request.header('x-poll-token') }, sessionDeps()),
}));

import { startSessionDeps } from '../../shared/identity/compose-personal-data.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';
import { startNafathSession } from '../../shared/identity/app/sign-in-with-nafath.ts';


export const handler = httpHandler(identityRoutes.startNafathSession, async (request) => ({
  statusCode: 202,
  body: await startNafathSession({ nationalId: request.body.nationalId, clientAddress: request.clientAddress }, startSessionDeps()),
}));

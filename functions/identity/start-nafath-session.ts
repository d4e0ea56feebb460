import { clock, identityStore, ids, nafathClient } from '../../shared/identity/compose.ts';
import { blindIndexer, personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';
import { DEFAULT_SIGN_IN_LIMITS, startNafathSession } from '../../shared/identity/app/sign-in-with-nafath.ts';

const deps = {
  identityStore: identityStore(),
  nafath: nafathClient(),
  blindIndexer: blindIndexer(),
  cipher: personalDataCipher(),
  clock,
  ids,
  limits: DEFAULT_SIGN_IN_LIMITS,
};

export const handler = httpHandler(identityRoutes.startNafathSession, async (request) => ({
  statusCode: 202,
  body: await startNafathSession({ nationalId: request.body.nationalId, clientAddress: request.clientAddress }, deps),
}));

import { clock, identityStore, ids, nafathClient } from '../../shared/composition/adapters.ts';
import { blindIndexer, personalDataCipher } from '../../shared/composition/personal-data.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { DEFAULT_SIGN_IN_LIMITS, startNafathSession } from '../../shared/use-cases/auth/sign-in-with-nafath.ts';

const deps = {
  identityStore: identityStore(),
  nafath: nafathClient(),
  blindIndexer: blindIndexer(),
  cipher: personalDataCipher(),
  clock,
  ids,
  limits: DEFAULT_SIGN_IN_LIMITS,
};

export const handler = httpHandler(routes.startNafathSession, async (request) => ({
  statusCode: 202,
  body: await startNafathSession({ nationalId: request.body.nationalId, clientAddress: request.clientAddress }, deps),
}));

/** Identity's dependencies that handle personal data: starting a NAFATH session encrypts and indexes the national ID. */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { once } from '../kernel/compose.ts';
import { blindIndexer, personalDataCipher } from '../kernel/crypto/compose.ts';
import { DEFAULT_SIGN_IN_LIMITS } from './app/sign-in-with-nafath.ts';
import { identityStore, nafathClient } from './compose.ts';

export const startSessionDeps = /* @__PURE__ */ once(() => ({
  identityStore: identityStore(),
  nafath: nafathClient(),
  blindIndexer: blindIndexer(),
  cipher: personalDataCipher(),
  clock: systemClock,
  ids: ulidGenerator,
  limits: DEFAULT_SIGN_IN_LIMITS,
}));

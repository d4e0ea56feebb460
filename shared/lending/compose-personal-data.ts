/**
 * Lending's dependencies that read personal data: making an offer may decrypt a date of birth. Kept apart from
 * compose.ts so that only the offer function bundles the AWS Encryption SDK.
 */
import { once } from '../kernel/compose.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { lendingDeps } from './compose.ts';

export const offerDeps = /* @__PURE__ */ once(() => ({ ...lendingDeps(), cipher: personalDataCipher() }));

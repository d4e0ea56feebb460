/** Applying encrypts the company IBAN, so only that function bundles the field cipher. */
import { once } from '../kernel/compose.ts';
import { blindIndexer, personalDataCipher } from '../kernel/crypto/compose.ts';
import { contractorDeps } from './compose.ts';

export const applicationDeps = /* @__PURE__ */ once(() => ({ ...contractorDeps(), cipher: personalDataCipher() }));

export const memberDeps = /* @__PURE__ */ once(() => ({ ...contractorDeps(), cipher: personalDataCipher(), blindIndexer: blindIndexer() }));

export const ibanChangeDeps = /* @__PURE__ */ once(() => ({ ...contractorDeps(), cipher: personalDataCipher() }));

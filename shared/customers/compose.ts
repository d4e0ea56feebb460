/**
 * Builds the customers context's dependencies on first use, once per container. Every customers route reads or
 * writes personal data, so this module is the one place that brings in the field cipher for them.
 */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { loadLendingPolicy } from '../kernel/config/policy-config.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { DynamoDbIdentityStore } from '../identity/index.ts';
import { DynamoDbCustomerStore } from './adapters/customer-store.ts';

export const customerStore = once(() => new DynamoDbCustomerStore(documentClient(), platformConfig().tableName));

/** Reading and changing a profile: the store, the cipher and the clock. */
export const profileDeps = once(() => ({ customerStore: customerStore(), cipher: personalDataCipher(), clock: systemClock }));

/** Registration also checks the principal's NAFATH verification and the eligibility policy. */
export const registrationDeps = once(() => ({
  ...profileDeps(),
  identityStore: new DynamoDbIdentityStore(documentClient(), platformConfig().tableName),
  ids: ulidGenerator,
  policy: loadLendingPolicy(),
}));

/**
 * Builds the customers context's dependencies on first use, once per container. Every customers route reads or
 * writes personal data, so this module is the one place that brings in the field cipher for them.
 */
import { systemClock } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { DynamoDbCustomerStore } from './adapters/customer-store.ts';

export const customerStore = /* @__PURE__ */ once(() => new DynamoDbCustomerStore(documentClient(), platformConfig().tableName));

/** Reading and changing a profile: the store, the cipher and the clock. */
export const profileDeps = /* @__PURE__ */ once(() => ({ customerStore: customerStore(), cipher: personalDataCipher(), clock: systemClock }));

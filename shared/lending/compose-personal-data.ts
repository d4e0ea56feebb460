/**
 * Lending's dependencies that read personal data: making an offer may decrypt a date of birth. Kept apart from
 * compose.ts so that only the offer function bundles the AWS Encryption SDK.
 */
import { DynamoDbContractorStore } from '../contractors/index.ts';
import { documentClient, idempotencyStore, once, platformConfig } from '../kernel/compose.ts';
import { DynamoDbMarketplaceStore } from '../marketplace/index.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { lendingDeps } from './compose.ts';

export const offerDeps = /* @__PURE__ */ once(() => ({ ...lendingDeps(), cipher: personalDataCipher() }));

/** Accepting a quote: an offer's dependencies, and the marketplace's and contractors' stores it reads the quote from. */
export const quoteOfferDeps = /* @__PURE__ */ once(() => {
  const client = documentClient();
  const { tableName } = platformConfig();
  return { ...offerDeps(), marketplaceStore: new DynamoDbMarketplaceStore(client, tableName), contractorStore: new DynamoDbContractorStore(client, tableName), idempotencyStore: idempotencyStore() };
});

export { idempotencyStore } from '../kernel/compose.ts';

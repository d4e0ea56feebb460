/** Builds the marketplace's dependencies on first use, once per container. */
import { DynamoDbContractorStore } from '../contractors/index.ts';
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { loadSolarEstimatePolicy } from '../solar/index.ts';
import { ContractorStoreDirectory } from './adapters/contractor-directory.ts';
import { DynamoDbMarketplaceStore } from './adapters/marketplace-store.ts';
import type { MarketplaceDeps } from './app/quotes.ts';
import { loadMarketplacePolicy } from './policy-config.ts';

export const marketplaceDeps = /* @__PURE__ */ once(
  (): MarketplaceDeps => ({
    marketplaceStore: new DynamoDbMarketplaceStore(documentClient(), platformConfig().tableName),
    contractors: new ContractorStoreDirectory(new DynamoDbContractorStore(documentClient(), platformConfig().tableName)),
    clock: systemClock,
    ids: ulidGenerator,
    policy: loadMarketplacePolicy(),
    solar: loadSolarEstimatePolicy(),
  }),
);

export { idempotencyStore } from '../kernel/compose.ts';

/** The marketplace's policy in force: its defaults unless configuration overrides a value within its range. */
import { PolicyReader } from '../kernel/config/policy-config.ts';
import type { Environment } from '../kernel/config/environment.ts';
import { DEFAULT_MARKETPLACE_POLICY, type MarketplacePolicy } from './domain/quotes.ts';

export function loadMarketplacePolicy(environment: Environment = process.env): MarketplacePolicy {
  const read = new PolicyReader(environment);
  const policy: MarketplacePolicy = {
    ...DEFAULT_MARKETPLACE_POLICY,
    quoteRequestOpenSeconds: read.integer('quoteRequestOpenSeconds', DEFAULT_MARKETPLACE_POLICY.quoteRequestOpenSeconds),
    quotesPerRequestMax: read.integer('quotesPerRequestMax', DEFAULT_MARKETPLACE_POLICY.quotesPerRequestMax),
  };
  read.done();
  return policy;
}

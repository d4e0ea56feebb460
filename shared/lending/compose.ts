/**
 * Builds lending's dependencies on first use, once per container: the only place lending's adapters are made and
 * its policy is read and checked. A bad setting fails the first invocation loudly, not the module import.
 */
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import type { DocumentClient } from '../kernel/storage/document-client.ts';
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { loadLendingPolicy, loadPlanPolicy } from '../kernel/config/policy-config.ts';
import { DynamoDbDelinquencyStore } from './adapters/delinquency-store.ts';
import { DynamoDbOfferStore } from './adapters/offer-store.ts';
import { DynamoDbPlanStore } from './adapters/plan-store.ts';
import { MarketplaceQuoteSettlement } from './adapters/quote-settlement.ts';
import { InstallationProjectOpening } from './adapters/project-opening.ts';
import { DEFAULT_PROJECT_POLICY, loadProjectPolicy, type ProjectPolicy } from '../projects/index.ts';
import type { LendingDeps } from './app/lending-deps.ts';

/** Lending's dependencies on a given table and policy; tests and benchmarks build them on their own table. */
export function buildLendingDeps(
  client: DocumentClient,
  tableName: string,
  policy: Pick<LendingDeps, 'lending' | 'plans'> & { readonly projects?: Pick<ProjectPolicy, 'milestoneOneBasisPoints' | 'downPaymentWindowSeconds'> },
): LendingDeps {
  return {
    offerStore: new DynamoDbOfferStore(client, tableName),
    planStore: new DynamoDbPlanStore(client, tableName),
    delinquencyStore: new DynamoDbDelinquencyStore(client, tableName),
    quoteSettlement: new MarketplaceQuoteSettlement(tableName),
    projectOpening: new InstallationProjectOpening(tableName, { coolingOffSeconds: policy.plans.coolingOffSeconds, ...(policy.projects ?? DEFAULT_PROJECT_POLICY) }),
    clock: systemClock,
    ids: ulidGenerator,
    ...policy,
  };
}

export const lendingDeps = /* @__PURE__ */ once((): LendingDeps => buildLendingDeps(documentClient(), platformConfig().tableName, { lending: loadLendingPolicy(), plans: loadPlanPolicy(), projects: loadProjectPolicy() }));

export { idempotencyStore } from '../kernel/compose.ts';

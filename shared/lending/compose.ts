/** Adapters and policy for the plan, payment and ledger functions. */
import { DynamoDbIdempotencyStore } from '../kernel/idempotency/idempotency-store.ts';
import { DynamoDbPlanStore } from './adapters/plan-store.ts';
import { DynamoDbReconciliationStore } from '../payments/adapters/reconciliation-store.ts';
import { loadLendingPolicy, loadPlanPolicy } from '../kernel/config/policy-config.ts';
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import type { PlanDeps } from './app/plans.ts';
import { documentClient, platformConfig } from '../kernel/compose.ts';

export function planDeps(): PlanDeps {
  return {
    planStore: new DynamoDbPlanStore(documentClient(), platformConfig().tableName),
    reconciliation: new DynamoDbReconciliationStore(documentClient(), platformConfig().tableName),
    clock: systemClock,
    ids: ulidGenerator,
    lending: loadLendingPolicy(),
    plans: loadPlanPolicy(),
  };
}

export function idempotencyStore(): DynamoDbIdempotencyStore {
  return new DynamoDbIdempotencyStore(documentClient(), platformConfig().tableName);
}

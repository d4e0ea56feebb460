/** Adapters and policy for the plan, payment and ledger functions. */
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/idempotency-store.ts';
import { DynamoDbPlanStore } from '../adapters/dynamodb/plan-store.ts';
import { DynamoDbReconciliationStore } from '../adapters/dynamodb/reconciliation-store.ts';
import { loadLendingPolicy, loadPlanPolicy } from '../config/policy-config.ts';
import { systemClock, ulidGenerator } from '../platform/clock-and-ids.ts';
import type { PlanDeps } from '../use-cases/plans/plans.ts';
import { documentClient, platformConfig } from './platform.ts';

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

/** What the payments use-cases need; payments' compose.ts builds it. */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { PlanPolicy } from '../../kernel/policy.ts';
import type { PaymentStore } from './ports.ts';
import type { ReconciliationStore } from './reconciliation-store.ts';

export interface PaymentDeps {
  readonly paymentStore: PaymentStore;
  /** Where money the gateway reports, but no payable intent matches, is held until staff apply it. */
  readonly reconciliation: ReconciliationStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly plans: PlanPolicy;
}


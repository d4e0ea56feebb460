/** What lending's use-cases need; lending's compose.ts builds it. */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { LendingPolicy, PlanPolicy } from '../../kernel/policy.ts';
import type { DelinquencyStore, OfferStore, PlanStore } from './ports.ts';

export interface LendingDeps {
  readonly offerStore: OfferStore;
  readonly planStore: PlanStore;
  readonly delinquencyStore: DelinquencyStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly lending: LendingPolicy;
  readonly plans: PlanPolicy;
}


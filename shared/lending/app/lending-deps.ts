/** What lending's use-cases need; lending's compose.ts builds it. */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { LendingPolicy, PlanPolicy } from '../../kernel/policy.ts';
import type { DelinquencyStore, OfferStore, PlanStore, ProjectOpening, QuoteSettlement } from './ports.ts';

export interface LendingDeps {
  readonly offerStore: OfferStore;
  readonly planStore: PlanStore;
  readonly delinquencyStore: DelinquencyStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly lending: LendingPolicy;
  readonly plans: PlanPolicy;
  /** Settles the quote request a plan finances; absent where no plan finances a quote (tests of other paths). */
  readonly quoteSettlement?: QuoteSettlement;
  /** Opens the installation project of a plan that finances a quote; absent as above. */
  readonly projectOpening?: ProjectOpening;
}


/**
 * What a customer could finance of a price right now, with every offer rule applied: the solar calculator shows it
 * beside an estimate. It never creates anything; an offer re-checks every rule when the customer applies.
 */
import type { LendingPolicy } from '../../kernel/policy.ts';
import { assertHalalas } from '../../kernel/money.ts';
import { availableExposureHalalas, borrowingLimitHalalas, defaultFinancedHalalas, offerViolations, type OfferInput, type OfferViolation } from './offer-policy.ts';
import { buildInstallmentSchedule, type ScheduledInstallment } from './schedule.ts';

export interface FinancingView {
  readonly priceHalalas: number;
  /** The lower of the limit and the price; 0 when any rule blocks financing. */
  readonly financeableHalalas: number;
  /** What the customer pays up front: the price less what is financed. */
  readonly downPaymentHalalas: number;
  readonly violations: readonly OfferViolation[];
  readonly limitHalalas: number;
  readonly outstandingHalalas: number;
  readonly installmentCount: number;
  readonly installments: readonly ScheduledInstallment[];
}

export type FinancingViewInput = Omit<OfferInput, 'amountHalalas' | 'downPaymentHalalas'> & {
  readonly priceHalalas: number;
  /** The calendar date (Riyadh) the schedule would start from. */
  readonly startDate: string;
};

export function financingView(input: FinancingViewInput, policy: Pick<LendingPolicy, 'exposureLimitHalalas' | 'installmentCountMax' | 'creditAssessmentValiditySeconds' | 'arrearsBucketBlockingNewPlans'>): FinancingView {
  assertHalalas(input.priceHalalas, 'priceHalalas');
  const limitHalalas = borrowingLimitHalalas(input.latestAssessment, policy);
  const availableHalalas = availableExposureHalalas(limitHalalas, input.outstandingHalalas);
  const financedHalalas = defaultFinancedHalalas(availableHalalas, input.priceHalalas);
  const violations = input.priceHalalas === 0 ? [] : offerViolations({ ...input, amountHalalas: input.priceHalalas, downPaymentHalalas: input.priceHalalas - financedHalalas }, policy);
  const blocked = violations.length > 0 || input.priceHalalas === 0;
  const financeableHalalas = blocked ? 0 : financedHalalas;
  return {
    priceHalalas: input.priceHalalas,
    financeableHalalas,
    downPaymentHalalas: input.priceHalalas - financeableHalalas,
    violations,
    limitHalalas,
    outstandingHalalas: input.outstandingHalalas,
    installmentCount: input.installmentCount,
    installments: blocked ? [] : buildInstallmentSchedule({ financedHalalas: financeableHalalas, installmentCount: input.installmentCount, startDate: input.startDate }, policy),
  };
}

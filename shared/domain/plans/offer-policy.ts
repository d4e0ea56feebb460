/**
 * Whether an offer may become a plan. Every broken rule is reported, in one fixed order, so the customer sees all
 * that stands in the way at once and clients can rely on the order.
 */
import type { EligibilityViolation } from '../customers/eligibility.ts';
import type { RiskCategory } from '../credit/risk-assessment.ts';
import type { LendingPolicy } from '../policy.ts';
import { assertHalalas } from './money.ts';

/** The reporting order; offerViolations always lists its result in this order. */
export const OFFER_VIOLATIONS = [
  'IDENTITY_NOT_VERIFIED',
  'CREDIT_ASSESSMENT_REQUIRED',
  'CREDIT_RISK_TOO_HIGH',
  'RESIDENCY_NOT_ELIGIBLE',
  'AGE_BELOW_MINIMUM',
  'DOWN_PAYMENT_OUT_OF_RANGE',
  'INSTALLMENT_COUNT_OUT_OF_RANGE',
  'EXPOSURE_LIMIT_EXCEEDED',
] as const satisfies readonly string[];

export type OfferViolation = (typeof OFFER_VIOLATIONS)[number];

export type AssessmentStatus = 'PENDING' | 'COMPLETED' | 'FAILED';

export interface AssessmentSummary {
  readonly status: AssessmentStatus;
  /** Present once COMPLETED. */
  readonly riskCategory?: RiskCategory;
  /** The method's financing ceiling, on top of the exposure limit. @default the exposure limit */
  readonly maximumFinancingHalalas?: number;
}

export interface OfferInput {
  readonly identityVerified: boolean;
  /** The customer's most recent credit assessment, if any. */
  readonly latestAssessment: AssessmentSummary | undefined;
  readonly eligibilityViolations: readonly EligibilityViolation[];
  readonly installmentCount: number;
  /** The purchase price. */
  readonly amountHalalas: number;
  readonly downPaymentHalalas: number;
  /** The customer's total outstanding balance over all open plans: SAMA's limit is on the whole exposure. */
  readonly outstandingHalalas: number;
}

/** The exposure still free under the limit; never negative, even if a lowered limit leaves the customer above it. */
export function availableExposureHalalas(limitHalalas: number, outstandingHalalas: number): number {
  assertHalalas(limitHalalas, 'limitHalalas');
  assertHalalas(outstandingHalalas, 'outstandingHalalas');
  return Math.max(0, limitHalalas - outstandingHalalas);
}

/** Every rule the offer breaks, in OFFER_VIOLATIONS order; empty means the plan may be created. */
export function offerViolations(input: OfferInput, policy: Pick<LendingPolicy, 'exposureLimitHalalas' | 'installmentCountMax'>): OfferViolation[] {
  assertHalalas(input.amountHalalas, 'amountHalalas');
  if (!Number.isSafeInteger(input.downPaymentHalalas)) throw new RangeError(`downPaymentHalalas must be a safe integer, got ${input.downPaymentHalalas}`);
  const assessment = input.latestAssessment;
  const completed = assessment?.status === 'COMPLETED';
  if (completed && assessment.riskCategory === undefined) throw new RangeError('a COMPLETED assessment must carry its riskCategory');
  const downPaymentInRange = input.downPaymentHalalas >= 0 && input.downPaymentHalalas < input.amountHalalas;

  const broken = new Set<OfferViolation>();
  if (!input.identityVerified) broken.add('IDENTITY_NOT_VERIFIED');
  if (!completed) broken.add('CREDIT_ASSESSMENT_REQUIRED');
  if (completed && assessment.riskCategory === 'HIGH') broken.add('CREDIT_RISK_TOO_HIGH');
  for (const violation of input.eligibilityViolations) broken.add(violation);
  if (!downPaymentInRange) broken.add('DOWN_PAYMENT_OUT_OF_RANGE');
  if (!installmentCountInRange(input.installmentCount, policy.installmentCountMax)) broken.add('INSTALLMENT_COUNT_OUT_OF_RANGE');
  // With the down payment out of range the financed amount means nothing, so exposure is not judged on it.
  if (downPaymentInRange && input.amountHalalas - input.downPaymentHalalas > availableFinancingHalalas(input, policy)) {
    broken.add('EXPOSURE_LIMIT_EXCEEDED');
  }
  return OFFER_VIOLATIONS.filter((violation) => broken.has(violation));
}

function installmentCountInRange(installmentCount: number, installmentCountMax: number): boolean {
  return Number.isInteger(installmentCount) && installmentCount >= 1 && installmentCount <= installmentCountMax;
}

/** The lesser of the exposure left under the limit and the credit method's ceiling. */
function availableFinancingHalalas(input: OfferInput, policy: Pick<LendingPolicy, 'exposureLimitHalalas'>): number {
  const ceilingHalalas = input.latestAssessment?.maximumFinancingHalalas ?? policy.exposureLimitHalalas;
  assertHalalas(ceilingHalalas, 'maximumFinancingHalalas');
  return Math.min(availableExposureHalalas(policy.exposureLimitHalalas, input.outstandingHalalas), ceilingHalalas);
}

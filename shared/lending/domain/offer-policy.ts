/**
 * Whether an offer may become a plan. Every broken rule is reported, in one fixed order, so the customer sees all
 * that stands in the way at once and clients can rely on the order.
 */
import type { LendingPolicy } from '../../kernel/policy.ts';
import { blocksNewPlans, type ArrearsCounts } from './delinquency.ts';
import { assertHalalas } from '../../kernel/money.ts';

/** The reporting order; offerViolations always lists its result in this order. */
export const OFFER_VIOLATIONS = [
  'IDENTITY_NOT_VERIFIED',
  'CREDIT_ASSESSMENT_REQUIRED',
  'CREDIT_RISK_TOO_HIGH',
  'PLAN_IN_ARREARS',
  'CREDIT_ASSESSMENT_EXPIRED',
  'RESIDENCY_NOT_ELIGIBLE',
  'AGE_BELOW_MINIMUM',
  'DOWN_PAYMENT_OUT_OF_RANGE',
  'INSTALLMENT_COUNT_OUT_OF_RANGE',
  'EXPOSURE_LIMIT_EXCEEDED',
] as const satisfies readonly string[];

export type OfferViolation = (typeof OFFER_VIOLATIONS)[number];

/** Lending's view of the customers context's eligibility rules: the ones a person can break. */
export type EligibilityViolation = Extract<OfferViolation, 'RESIDENCY_NOT_ELIGIBLE' | 'AGE_BELOW_MINIMUM'>;

/** Lending's view of the credit context's risk categories, as carried on the customer's assessment summary. */
export type RiskCategory = 'LOW' | 'MEDIUM' | 'HIGH';

export type AssessmentStatus = 'PENDING' | 'COMPLETED' | 'FAILED';

export interface AssessmentSummary {
  /** Present on every stored summary; a plan commits only if the assessment it was judged on is still the latest. */
  readonly assessmentId?: string;
  readonly status: AssessmentStatus;
  /** Present once COMPLETED. */
  readonly riskCategory?: RiskCategory;
  /** The method's ceiling on the customer's total outstanding balance, under the exposure limit. @default the exposure limit */
  readonly maximumFinancingHalalas?: number;
  /** When SIMAH's report was assessed (ISO 8601), present once COMPLETED; older than the validity period, it no longer qualifies. */
  readonly completedAt?: string;
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
  /** How many of the customer's plans sit in each arrears bucket. */
  readonly plansInArrears: ArrearsCounts;
  readonly now: Date;
}

export type OfferPolicy = Pick<LendingPolicy, 'exposureLimitHalalas' | 'installmentCountMax' | 'creditAssessmentValiditySeconds' | 'arrearsBucketBlockingNewPlans'>;

/** The exposure still free under the limit; never negative, even if a lowered limit leaves the customer above it. */
export function availableExposureHalalas(limitHalalas: number, outstandingHalalas: number): number {
  assertHalalas(limitHalalas, 'limitHalalas');
  assertHalalas(outstandingHalalas, 'outstandingHalalas');
  return Math.max(0, limitHalalas - outstandingHalalas);
}

/**
 * What an offer on a given price finances by default: all the customer may still borrow, up to the price, and at
 * least one halala, so that a customer with no room left is told EXPOSURE_LIMIT_EXCEEDED by the rules rather than
 * that a down payment of the whole price is out of range.
 */
export function defaultFinancedHalalas(availableHalalas: number, priceHalalas: number): number {
  return Math.max(1, Math.min(availableHalalas, priceHalalas));
}

/** Every rule the offer breaks, in OFFER_VIOLATIONS order; empty means the plan may be created. */
export function offerViolations(input: OfferInput, policy: OfferPolicy): OfferViolation[] {
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
  if (blocksNewPlans(input.plansInArrears, policy.arrearsBucketBlockingNewPlans)) broken.add('PLAN_IN_ARREARS');
  if (completed && !assessmentStillValid(assessment, input.now, policy.creditAssessmentValiditySeconds)) broken.add('CREDIT_ASSESSMENT_EXPIRED');
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

/**
 * The most the customer may owe in total: the exposure limit, or the credit method's ceiling when it is lower. The
 * ceiling bounds the customer's whole outstanding balance, not each plan, so two plans cannot each use it.
 */
export function borrowingLimitHalalas(assessment: AssessmentSummary | undefined, policy: Pick<LendingPolicy, 'exposureLimitHalalas'>): number {
  const ceilingHalalas = assessment?.maximumFinancingHalalas ?? policy.exposureLimitHalalas;
  assertHalalas(ceilingHalalas, 'maximumFinancingHalalas');
  return Math.min(policy.exposureLimitHalalas, ceilingHalalas);
}

function availableFinancingHalalas(input: OfferInput, policy: Pick<LendingPolicy, 'exposureLimitHalalas'>): number {
  return availableExposureHalalas(borrowingLimitHalalas(input.latestAssessment, policy), input.outstandingHalalas);
}

/** An assessment with no recorded completion time predates validity tracking, so it is treated as expired. */
function assessmentStillValid(assessment: AssessmentSummary, now: Date, validitySeconds: number): boolean {
  if (assessment.completedAt === undefined) return false;
  const completedAtMilliseconds = Date.parse(assessment.completedAt);
  return Number.isFinite(completedAtMilliseconds) && now.getTime() - completedAtMilliseconds < validitySeconds * 1000;
}

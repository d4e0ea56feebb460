/**
 * Our documented method for turning a SIMAH credit report into a risk category and a financing ceiling
 * (docs/credit-assessment.md). It is deliberately simple and explainable, as SAMA expects a documented method.
 */
import type { LendingPolicy } from '../../kernel/policy.ts';

export type RiskCategory = 'LOW' | 'MEDIUM' | 'HIGH';

export interface RiskMethod {
  /** Below this SIMAH score a consumer is HIGH risk. */
  readonly highRiskScoreBelow: number;
  /** Below this SIMAH score (and at or above the HIGH threshold) a consumer is MEDIUM risk. */
  readonly mediumRiskScoreBelow: number;
  /** Share of the exposure limit a MEDIUM-risk consumer may finance, in basis points (10,000 = 100%). */
  readonly mediumRiskFinancingBasisPoints: number;
}

export const DEFAULT_RISK_METHOD: RiskMethod = {
  highRiskScoreBelow: 550,
  mediumRiskScoreBelow: 700,
  mediumRiskFinancingBasisPoints: 5_000,
};

const BASIS_POINTS_WHOLE = 10_000;

export interface RiskAssessment {
  readonly category: RiskCategory;
  readonly maximumFinancingHalalas: number;
}

/**
 * We collect no income, so the debt-burden part of the method works on SIMAH's existing obligations alone: above one
 * threshold the ceiling halves, above a second the customer is HIGH risk with no financing.
 */
export function assessRisk(
  report: { readonly score: number; readonly activeDefaults: number; readonly existingObligationsHalalas: number },
  policy: Pick<LendingPolicy, 'exposureLimitHalalas' | 'obligationsHalvingThresholdHalalas' | 'obligationsIneligibleThresholdHalalas'>,
  method: RiskMethod = DEFAULT_RISK_METHOD,
): RiskAssessment {
  const overburdened = report.existingObligationsHalalas > policy.obligationsIneligibleThresholdHalalas;
  if (report.activeDefaults > 0 || report.score < method.highRiskScoreBelow || overburdened) return { category: 'HIGH', maximumFinancingHalalas: 0 };
  const category: RiskCategory = report.score < method.mediumRiskScoreBelow ? 'MEDIUM' : 'LOW';
  // Integer arithmetic, rounded down: a ceiling must never round up past what the method allows.
  const categoryCeilingHalalas = category === 'MEDIUM' ? Math.floor((policy.exposureLimitHalalas * method.mediumRiskFinancingBasisPoints) / BASIS_POINTS_WHOLE) : policy.exposureLimitHalalas;
  const heavilyIndebted = report.existingObligationsHalalas > policy.obligationsHalvingThresholdHalalas;
  return { category, maximumFinancingHalalas: heavilyIndebted ? Math.floor(categoryCeilingHalalas / 2) : categoryCeilingHalalas };
}

/**
 * Our documented method for turning a SIMAH credit report into a risk category and a financing ceiling
 * (docs/credit-assessment.md). It is deliberately simple and explainable, as SAMA expects a documented method.
 */
import type { LendingPolicy } from '../policy.ts';

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

export function assessRisk(
  report: { readonly score: number; readonly activeDefaults: number },
  policy: LendingPolicy,
  method: RiskMethod = DEFAULT_RISK_METHOD,
): RiskAssessment {
  if (report.activeDefaults > 0 || report.score < method.highRiskScoreBelow) return { category: 'HIGH', maximumFinancingHalalas: 0 };
  if (report.score < method.mediumRiskScoreBelow) {
    // Integer arithmetic, rounded down: a ceiling must never round up past what the method allows.
    const ceiling = Math.floor((policy.exposureLimitHalalas * method.mediumRiskFinancingBasisPoints) / BASIS_POINTS_WHOLE);
    return { category: 'MEDIUM', maximumFinancingHalalas: ceiling };
  }
  return { category: 'LOW', maximumFinancingHalalas: policy.exposureLimitHalalas };
}

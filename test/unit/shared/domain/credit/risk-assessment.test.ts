import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk, DEFAULT_RISK_METHOD } from '../../../../../shared/domain/credit/risk-assessment.ts';
import { DEFAULT_LENDING_POLICY } from '../../../../../shared/domain/policy.ts';

describe('risk assessment from a SIMAH report', () => {
  it('is HIGH with no financing for any active default, whatever the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 900 }), fc.integer({ min: 1, max: 20 }), (score, activeDefaults) => {
        expect(assessRisk({ score, activeDefaults }, DEFAULT_LENDING_POLICY)).toEqual({ category: 'HIGH', maximumFinancingHalalas: 0 });
      }),
    );
  });

  it('uses the documented score thresholds at their exact boundaries', () => {
    const { highRiskScoreBelow, mediumRiskScoreBelow } = DEFAULT_RISK_METHOD;
    expect(assessRisk({ score: highRiskScoreBelow - 1, activeDefaults: 0 }, DEFAULT_LENDING_POLICY).category).toBe('HIGH');
    expect(assessRisk({ score: highRiskScoreBelow, activeDefaults: 0 }, DEFAULT_LENDING_POLICY).category).toBe('MEDIUM');
    expect(assessRisk({ score: mediumRiskScoreBelow - 1, activeDefaults: 0 }, DEFAULT_LENDING_POLICY).category).toBe('MEDIUM');
    expect(assessRisk({ score: mediumRiskScoreBelow, activeDefaults: 0 }, DEFAULT_LENDING_POLICY).category).toBe('LOW');
  });

  it('never grants more financing than the exposure limit, in whole halalas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 900 }), fc.integer({ min: 1, max: 100_000_00 }), (score, exposureLimitHalalas) => {
        const { maximumFinancingHalalas } = assessRisk({ score, activeDefaults: 0 }, { ...DEFAULT_LENDING_POLICY, exposureLimitHalalas });
        expect(Number.isInteger(maximumFinancingHalalas)).toBe(true);
        expect(maximumFinancingHalalas).toBeLessThanOrEqual(exposureLimitHalalas);
      }),
    );
  });
});

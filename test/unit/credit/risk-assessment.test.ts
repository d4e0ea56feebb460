import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk, DEFAULT_RISK_METHOD } from '../../../shared/credit/domain/risk-assessment.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';

describe('risk assessment from a SIMAH report', () => {
  it('is HIGH with no financing for any active default, whatever the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 900 }), fc.integer({ min: 1, max: 20 }), (score, activeDefaults) => {
        expect(assessRisk({ score, activeDefaults, existingObligationsHalalas: 0 }, DEFAULT_LENDING_POLICY)).toEqual({ category: 'HIGH', maximumFinancingHalalas: 0 });
      }),
    );
  });

  it('uses the documented score thresholds at their exact boundaries', () => {
    const { highRiskScoreBelow, mediumRiskScoreBelow } = DEFAULT_RISK_METHOD;
    expect(assessRisk({ score: highRiskScoreBelow - 1, activeDefaults: 0, existingObligationsHalalas: 0 }, DEFAULT_LENDING_POLICY).category).toBe('HIGH');
    expect(assessRisk({ score: highRiskScoreBelow, activeDefaults: 0, existingObligationsHalalas: 0 }, DEFAULT_LENDING_POLICY).category).toBe('MEDIUM');
    expect(assessRisk({ score: mediumRiskScoreBelow - 1, activeDefaults: 0, existingObligationsHalalas: 0 }, DEFAULT_LENDING_POLICY).category).toBe('MEDIUM');
    expect(assessRisk({ score: mediumRiskScoreBelow, activeDefaults: 0, existingObligationsHalalas: 0 }, DEFAULT_LENDING_POLICY).category).toBe('LOW');
  });

  it('never grants more financing than the exposure limit, in whole halalas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 900 }), fc.integer({ min: 1, max: 100_000_00 }), (score, exposureLimitHalalas) => {
        const { maximumFinancingHalalas } = assessRisk({ score, activeDefaults: 0, existingObligationsHalalas: 0 }, { ...DEFAULT_LENDING_POLICY, exposureLimitHalalas });
        expect(Number.isInteger(maximumFinancingHalalas)).toBe(true);
        expect(maximumFinancingHalalas).toBeLessThanOrEqual(exposureLimitHalalas);
      }),
    );
  });

  it('halves the ceiling above the obligations threshold and refuses financing above the second threshold', () => {
    const { obligationsHalvingThresholdHalalas, obligationsIneligibleThresholdHalalas, exposureLimitHalalas } = DEFAULT_LENDING_POLICY;
    const lowRisk = (existingObligationsHalalas: number) => assessRisk({ score: 760, activeDefaults: 0, existingObligationsHalalas }, DEFAULT_LENDING_POLICY);
    const mediumRisk = (existingObligationsHalalas: number) => assessRisk({ score: 620, activeDefaults: 0, existingObligationsHalalas }, DEFAULT_LENDING_POLICY);

    expect(lowRisk(obligationsHalvingThresholdHalalas)).toEqual({ category: 'LOW', maximumFinancingHalalas: exposureLimitHalalas });
    expect(lowRisk(obligationsHalvingThresholdHalalas + 1)).toEqual({ category: 'LOW', maximumFinancingHalalas: exposureLimitHalalas / 2 });
    expect(mediumRisk(obligationsHalvingThresholdHalalas + 1)).toEqual({ category: 'MEDIUM', maximumFinancingHalalas: exposureLimitHalalas / 4 });
    expect(lowRisk(obligationsIneligibleThresholdHalalas)).toMatchObject({ category: 'LOW' });
    expect(lowRisk(obligationsIneligibleThresholdHalalas + 1)).toEqual({ category: 'HIGH', maximumFinancingHalalas: 0 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARREARS_BUCKETS } from '../../../shared/lending/domain/delinquency.ts';
import { availableExposureHalalas, borrowingLimitHalalas, OFFER_VIOLATIONS, type OfferInput, offerViolations } from '../../../shared/lending/domain/offer-policy.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';

const policy = DEFAULT_LENDING_POLICY;
const now = new Date('2026-12-02T09:00:00Z');
const assessedYesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();

/** A customer and offer that pass every rule: a LOW-risk citizen with no other plan, assessed yesterday. */
const acceptableOffer: OfferInput = {
  identityVerified: true,
  latestAssessment: { status: 'COMPLETED', riskCategory: 'LOW', maximumFinancingHalalas: policy.exposureLimitHalalas, completedAt: assessedYesterday },
  eligibilityViolations: [],
  installmentCount: 12,
  amountHalalas: 12_000_00,
  downPaymentHalalas: 7_000_00,
  outstandingHalalas: 0,
  plansInArrears: {},
  now,
};

describe('offer rules', () => {
  it('accepts an offer that breaks no rule', () => {
    expect(offerViolations(acceptableOffer, policy)).toEqual([]);
  });

  it('reports every broken rule at once, in the fixed order', () => {
    // Arrange
    const everythingWrong: OfferInput = {
      identityVerified: false,
      latestAssessment: { status: 'COMPLETED', riskCategory: 'HIGH', maximumFinancingHalalas: 0, completedAt: '2024-01-01T00:00:00Z' },
      eligibilityViolations: ['AGE_BELOW_MINIMUM', 'RESIDENCY_NOT_ELIGIBLE'],
      installmentCount: policy.installmentCountMax + 1,
      amountHalalas: 1_000_00,
      downPaymentHalalas: 0,
      outstandingHalalas: 0,
      plansInArrears: { '90+': 1 },
      now,
    };

    // Act
    const violations = offerViolations(everythingWrong, policy);

    // Assert
    expect(violations).toEqual([
      'IDENTITY_NOT_VERIFIED',
      'CREDIT_RISK_TOO_HIGH',
      'PLAN_IN_ARREARS',
      'CREDIT_ASSESSMENT_EXPIRED',
      'RESIDENCY_NOT_ELIGIBLE',
      'AGE_BELOW_MINIMUM',
      'INSTALLMENT_COUNT_OUT_OF_RANGE',
      'EXPOSURE_LIMIT_EXCEEDED',
    ]);
  });

  it('lists violations as an ordered subset of the documented order, with no duplicates, for any input', () => {
    const anyInput = fc.record({
      identityVerified: fc.boolean(),
      latestAssessment: fc.option(
        fc.record({
          status: fc.constantFrom('PENDING', 'COMPLETED', 'FAILED' as const),
          riskCategory: fc.constantFrom('LOW', 'MEDIUM', 'HIGH' as const),
          maximumFinancingHalalas: fc.integer({ min: 0, max: policy.exposureLimitHalalas }),
          completedAt: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: now, noInvalidDate: true }).map((date) => date.toISOString()),
        }),
        { nil: undefined },
      ),
      eligibilityViolations: fc.subarray(['RESIDENCY_NOT_ELIGIBLE', 'AGE_BELOW_MINIMUM'] as const),
      installmentCount: fc.integer({ min: -2, max: 20 }),
      amountHalalas: fc.integer({ min: 0, max: 20_000_00 }),
      downPaymentHalalas: fc.integer({ min: -100, max: 20_000_00 }),
      outstandingHalalas: fc.integer({ min: 0, max: 6_000_00 }),
      plansInArrears: fc.record({ '1-30': fc.nat(3), '90+': fc.nat(3) }, { requiredKeys: [] }),
      now: fc.constant(now),
    });
    fc.assert(
      fc.property(anyInput, (input) => {
        const violations = offerViolations(input, policy);
        const positions = violations.map((violation) => OFFER_VIOLATIONS.indexOf(violation));
        expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
      }),
    );
  });

  it('requires a completed credit assessment', () => {
    for (const latestAssessment of [undefined, { status: 'PENDING' as const }, { status: 'FAILED' as const }]) {
      expect(offerViolations({ ...acceptableOffer, latestAssessment }, policy)).toEqual(['CREDIT_ASSESSMENT_REQUIRED']);
    }
  });

  it('refuses a down payment that is negative or covers the whole price', () => {
    for (const downPaymentHalalas of [-1, acceptableOffer.amountHalalas, acceptableOffer.amountHalalas + 1]) {
      expect(offerViolations({ ...acceptableOffer, downPaymentHalalas }, policy)).toEqual(['DOWN_PAYMENT_OUT_OF_RANGE']);
    }
  });

  it('accepts 1 to the policy maximum installments and nothing outside', () => {
    expect(offerViolations({ ...acceptableOffer, installmentCount: 1 }, policy)).toEqual([]);
    expect(offerViolations({ ...acceptableOffer, installmentCount: policy.installmentCountMax }, policy)).toEqual([]);
    for (const installmentCount of [0, policy.installmentCountMax + 1]) {
      expect(offerViolations({ ...acceptableOffer, installmentCount }, policy)).toEqual(['INSTALLMENT_COUNT_OUT_OF_RANGE']);
    }
  });

  it('allows financing exactly the available exposure and refuses one halala more', () => {
    // Arrange: SAR 1,234.56 already outstanding leaves 500,000 - 123,456 = 376,544 halalas
    const outstandingHalalas = 1_234_56;
    const availableHalalas = policy.exposureLimitHalalas - outstandingHalalas;
    const atTheLimit = { ...acceptableOffer, outstandingHalalas, amountHalalas: availableHalalas + 1_000_00, downPaymentHalalas: 1_000_00 };

    // Act
    const atLimitViolations = offerViolations(atTheLimit, policy);
    const overLimitViolations = offerViolations({ ...atTheLimit, amountHalalas: atTheLimit.amountHalalas + 1 }, policy);

    // Assert
    expect(atLimitViolations).toEqual([]);
    expect(overLimitViolations).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
  });

  it('caps financing at the credit method ceiling when that is below the remaining exposure', () => {
    const mediumRisk = { status: 'COMPLETED' as const, riskCategory: 'MEDIUM' as const, maximumFinancingHalalas: 2_500_00, completedAt: assessedYesterday };
    const base = { ...acceptableOffer, latestAssessment: mediumRisk, amountHalalas: 3_000_00 };
    expect(offerViolations({ ...base, downPaymentHalalas: 500_00 }, policy)).toEqual([]);
    expect(offerViolations({ ...base, downPaymentHalalas: 499_99 }, policy)).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
  });

  it('uses the exposure limit as the ceiling when the assessment gives none', () => {
    const noCeiling = { status: 'COMPLETED' as const, riskCategory: 'LOW' as const, completedAt: assessedYesterday };
    const offer = { ...acceptableOffer, latestAssessment: noCeiling, amountHalalas: policy.exposureLimitHalalas, downPaymentHalalas: 0 };
    expect(offerViolations(offer, policy)).toEqual([]);
    expect(offerViolations({ ...offer, amountHalalas: offer.amountHalalas + 1 }, policy)).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
  });

  it("applies the credit method's ceiling to the customer's total outstanding balance, not to each plan", () => {
    // A MEDIUM-risk customer (ceiling SAR 2,500) who already owes SAR 2,000 on one plan may borrow SAR 500 more.
    const mediumRisk = { status: 'COMPLETED' as const, riskCategory: 'MEDIUM' as const, maximumFinancingHalalas: 2_500_00, completedAt: assessedYesterday };
    const secondPlan = { ...acceptableOffer, latestAssessment: mediumRisk, outstandingHalalas: 2_000_00, downPaymentHalalas: 0 };

    expect(offerViolations({ ...secondPlan, amountHalalas: 2_000_00 }, policy)).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
    expect(offerViolations({ ...secondPlan, amountHalalas: 500_00 }, policy)).toEqual([]);
    expect(offerViolations({ ...secondPlan, amountHalalas: 500_01 }, policy)).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
    expect(borrowingLimitHalalas(mediumRisk, policy)).toBe(2_500_00);
  });

  it('refuses a new plan while any plan has an overdue installment, by default', () => {
    for (const bucket of ARREARS_BUCKETS) {
      expect(offerViolations({ ...acceptableOffer, plansInArrears: { [bucket]: 1 } }, policy)).toEqual(['PLAN_IN_ARREARS']);
    }
    expect(offerViolations({ ...acceptableOffer, plansInArrears: { '1-30': 0, '90+': 0 } }, policy)).toEqual([]);
  });

  it('lets plans in buckets below the configured one pass, and refuses from that bucket on', () => {
    const lenient = { ...policy, arrearsBucketBlockingNewPlans: '61-90' as const };
    expect(offerViolations({ ...acceptableOffer, plansInArrears: { '1-30': 2, '31-60': 1 } }, lenient)).toEqual([]);
    expect(offerViolations({ ...acceptableOffer, plansInArrears: { '61-90': 1 } }, lenient)).toEqual(['PLAN_IN_ARREARS']);
  });

  it('refuses an assessment older than the validity period, and one with no completion time, with CREDIT_ASSESSMENT_EXPIRED', () => {
    const validityMilliseconds = policy.creditAssessmentValiditySeconds * 1000;
    const assessedAt = (ageMilliseconds: number) => ({ ...acceptableOffer.latestAssessment!, completedAt: new Date(now.getTime() - ageMilliseconds).toISOString() });

    expect(offerViolations({ ...acceptableOffer, latestAssessment: assessedAt(validityMilliseconds - 1_000) }, policy)).toEqual([]);
    expect(offerViolations({ ...acceptableOffer, latestAssessment: assessedAt(validityMilliseconds) }, policy)).toEqual(['CREDIT_ASSESSMENT_EXPIRED']);
    expect(offerViolations({ ...acceptableOffer, latestAssessment: { status: 'COMPLETED', riskCategory: 'LOW' } }, policy)).toEqual(['CREDIT_ASSESSMENT_EXPIRED']);
  });

  it('asserts that a completed assessment carries its risk category', () => {
    expect(() => offerViolations({ ...acceptableOffer, latestAssessment: { status: 'COMPLETED' } }, policy)).toThrow(RangeError);
  });
});

describe('available exposure', () => {
  it('is the limit less what is outstanding, and never below zero when the limit has been lowered', () => {
    expect(availableExposureHalalas(5_000_00, 1_234_56)).toBe(3_765_44);
    expect(availableExposureHalalas(5_000_00, 5_000_00)).toBe(0);
    expect(availableExposureHalalas(3_000_00, 4_000_00)).toBe(0);
  });
});

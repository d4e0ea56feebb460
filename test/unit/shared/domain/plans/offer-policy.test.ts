import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableExposureHalalas, OFFER_VIOLATIONS, type OfferInput, offerViolations } from '../../../../../shared/domain/plans/offer-policy.ts';
import { DEFAULT_LENDING_POLICY } from '../../../../../shared/domain/policy.ts';

const policy = DEFAULT_LENDING_POLICY;

/** A customer and offer that pass every rule: a LOW-risk citizen with no other plan. */
const acceptableOffer: OfferInput = {
  identityVerified: true,
  latestAssessment: { status: 'COMPLETED', riskCategory: 'LOW', maximumFinancingHalalas: policy.exposureLimitHalalas },
  eligibilityViolations: [],
  installmentCount: 12,
  amountHalalas: 12_000_00,
  downPaymentHalalas: 7_000_00,
  outstandingHalalas: 0,
};

describe('offer rules', () => {
  it('accepts an offer that breaks no rule', () => {
    expect(offerViolations(acceptableOffer, policy)).toEqual([]);
  });

  it('reports every broken rule at once, in the fixed order', () => {
    // Arrange
    const everythingWrong: OfferInput = {
      identityVerified: false,
      latestAssessment: { status: 'COMPLETED', riskCategory: 'HIGH', maximumFinancingHalalas: 0 },
      eligibilityViolations: ['AGE_BELOW_MINIMUM', 'RESIDENCY_NOT_ELIGIBLE'],
      installmentCount: policy.installmentCountMax + 1,
      amountHalalas: 1_000_00,
      downPaymentHalalas: 0,
      outstandingHalalas: 0,
    };

    // Act
    const violations = offerViolations(everythingWrong, policy);

    // Assert
    expect(violations).toEqual([
      'IDENTITY_NOT_VERIFIED',
      'CREDIT_RISK_TOO_HIGH',
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
        }),
        { nil: undefined },
      ),
      eligibilityViolations: fc.subarray(['RESIDENCY_NOT_ELIGIBLE', 'AGE_BELOW_MINIMUM'] as const),
      installmentCount: fc.integer({ min: -2, max: 20 }),
      amountHalalas: fc.integer({ min: 0, max: 20_000_00 }),
      downPaymentHalalas: fc.integer({ min: -100, max: 20_000_00 }),
      outstandingHalalas: fc.integer({ min: 0, max: 6_000_00 }),
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
    const mediumRisk = { status: 'COMPLETED' as const, riskCategory: 'MEDIUM' as const, maximumFinancingHalalas: 2_500_00 };
    const base = { ...acceptableOffer, latestAssessment: mediumRisk, amountHalalas: 3_000_00 };
    expect(offerViolations({ ...base, downPaymentHalalas: 500_00 }, policy)).toEqual([]);
    expect(offerViolations({ ...base, downPaymentHalalas: 499_99 }, policy)).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
  });

  it('uses the exposure limit as the ceiling when the assessment gives none', () => {
    const noCeiling = { status: 'COMPLETED' as const, riskCategory: 'LOW' as const };
    const offer = { ...acceptableOffer, latestAssessment: noCeiling, amountHalalas: policy.exposureLimitHalalas, downPaymentHalalas: 0 };
    expect(offerViolations(offer, policy)).toEqual([]);
    expect(offerViolations({ ...offer, amountHalalas: offer.amountHalalas + 1 }, policy)).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financingView, type FinancingViewInput } from '../../../shared/lending/domain/financing-view.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';

const policy = DEFAULT_LENDING_POLICY;
/** SAMA's SAR 5,000 limit. */
const LIMIT_HALALAS = 5_000_00;
const now = new Date('2026-12-01T09:00:00Z');
const assessedYesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();

/** A LOW-risk citizen, assessed yesterday, with no plan open and nothing in arrears. */
const customer: FinancingViewInput = {
  identityVerified: true,
  latestAssessment: { status: 'COMPLETED', riskCategory: 'LOW', completedAt: assessedYesterday },
  eligibilityViolations: [],
  installmentCount: 12,
  outstandingHalalas: 0,
  plansInArrears: {},
  now,
  priceHalalas: 8_000_00,
  startDate: '2026-12-01',
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

describe('what a customer could finance of a price', () => {
  it('is the whole limit for a price above it, the rest being the down payment, in the installments asked for', () => {
    expect(policy.exposureLimitHalalas).toBe(LIMIT_HALALAS);

    const view = financingView(customer, policy);

    expect(view.violations).toEqual([]);
    expect(view.limitHalalas).toBe(LIMIT_HALALAS);
    expect(view.financeableHalalas).toBe(LIMIT_HALALAS);
    expect(view.downPaymentHalalas).toBe(8_000_00 - LIMIT_HALALAS);
    expect(view.installmentCount).toBe(12);
    expect(view.installments).toHaveLength(12);
    expect(sum(view.installments.map((installment) => installment.amountHalalas))).toBe(LIMIT_HALALAS);
  });

  it('is the whole price, with no down payment, for a price under the limit', () => {
    const view = financingView({ ...customer, priceHalalas: 3_000_01, installmentCount: 6 }, policy);

    expect(view.financeableHalalas).toBe(3_000_01);
    expect(view.downPaymentHalalas).toBe(0);
    expect(view.installments).toHaveLength(6);
    expect(view.installments.map((installment) => installment.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sum(view.installments.map((installment) => installment.amountHalalas))).toBe(3_000_01);
  });

  it('is reduced by the customer\'s outstanding debt', () => {
    const view = financingView({ ...customer, outstandingHalalas: 2_000_00 }, policy);

    expect(view.violations).toEqual([]);
    expect(view.outstandingHalalas).toBe(2_000_00);
    expect(view.financeableHalalas).toBe(LIMIT_HALALAS - 2_000_00);
    expect(view.downPaymentHalalas).toBe(8_000_00 - (LIMIT_HALALAS - 2_000_00));
  });

  it('is lowered by the credit method\'s ceiling, which bounds the whole outstanding balance', () => {
    const ceilingHalalas = 2_500_00;
    const withCeiling = { ...customer, latestAssessment: { ...customer.latestAssessment!, maximumFinancingHalalas: ceilingHalalas } };

    expect(financingView(withCeiling, policy)).toMatchObject({ limitHalalas: ceilingHalalas, financeableHalalas: ceilingHalalas, violations: [] });
    expect(financingView({ ...withCeiling, outstandingHalalas: 1_000_00 }, policy).financeableHalalas).toBe(ceilingHalalas - 1_000_00);
  });

  it('is nothing without a credit assessment: the whole price is the down payment and no installments are shown', () => {
    const view = financingView({ ...customer, latestAssessment: undefined }, policy);

    expect(view.violations).toContain('CREDIT_ASSESSMENT_REQUIRED');
    expect(view.financeableHalalas).toBe(0);
    expect(view.downPaymentHalalas).toBe(customer.priceHalalas);
    expect(view.installments).toEqual([]);
  });

  it('tells a customer with no room left that the exposure limit is reached, not that the down payment is out of range', () => {
    const view = financingView({ ...customer, outstandingHalalas: LIMIT_HALALAS }, policy);

    expect(view.violations).toEqual(['EXPOSURE_LIMIT_EXCEEDED']);
    expect(view.financeableHalalas).toBe(0);
    expect(view.downPaymentHalalas).toBe(customer.priceHalalas);
    expect(view.installments).toEqual([]);
  });

  it('refuses more installments than the policy allows', () => {
    const view = financingView({ ...customer, installmentCount: policy.installmentCountMax + 1 }, policy);

    expect(view.violations).toEqual(['INSTALLMENT_COUNT_OUT_OF_RANGE']);
    expect(view.financeableHalalas).toBe(0);
    expect(view.installments).toEqual([]);
  });

  it('finances nothing and reports nothing for a price of zero', () => {
    expect(financingView({ ...customer, priceHalalas: 0 }, policy)).toMatchObject({ financeableHalalas: 0, downPaymentHalalas: 0, violations: [], installments: [] });
  });

  it('always splits the price into what is financed and the down payment, never financing more than the exposure left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_00 }),
        fc.integer({ min: 0, max: 6_000_00 }),
        fc.option(fc.integer({ min: 0, max: 6_000_00 }), { nil: undefined }),
        fc.integer({ min: 1, max: policy.installmentCountMax }),
        fc.constantFrom('LOW', 'MEDIUM', 'HIGH') as fc.Arbitrary<'LOW' | 'MEDIUM' | 'HIGH'>,
        (priceHalalas, outstandingHalalas, maximumFinancingHalalas, installmentCount, riskCategory) => {
          const view = financingView(
            { ...customer, priceHalalas, outstandingHalalas, installmentCount, latestAssessment: { status: 'COMPLETED', riskCategory, completedAt: assessedYesterday, maximumFinancingHalalas } },
            policy,
          );
          const availableHalalas = Math.max(0, Math.min(LIMIT_HALALAS, maximumFinancingHalalas ?? LIMIT_HALALAS) - outstandingHalalas);

          expect(view.financeableHalalas + view.downPaymentHalalas).toBe(priceHalalas);
          expect(view.financeableHalalas).toBeGreaterThanOrEqual(0);
          expect(view.financeableHalalas).toBeLessThanOrEqual(availableHalalas);
          if (view.violations.length === 0 && priceHalalas > 0) {
            expect(view.financeableHalalas).toBe(Math.min(availableHalalas, priceHalalas));
            expect(view.installments).toHaveLength(installmentCount);
            expect(sum(view.installments.map((installment) => installment.amountHalalas))).toBe(view.financeableHalalas);
          } else {
            expect(view.financeableHalalas).toBe(0);
            expect(view.installments).toEqual([]);
          }
        },
      ),
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PAYMENT_METHODS } from '../../../shared/payments/api/contracts.ts';
import {
  describePolicyRange,
  loadLendingPolicy,
  loadPlanPolicy,
  POLICY_SAMA_CIRCULAR_VARIABLE,
  POLICY_VALUES,
  type IntegerRange,
  type PolicyValueName,
} from '../../../shared/kernel/config/policy-config.ts';
import { buildInstallmentSchedule, INSTALLMENTS_PER_PLAN_MAX } from '../../../shared/lending/domain/schedule.ts';
import type { PaymentMethod } from '../../../shared/kernel/payment-methods.ts';
import { DEFAULT_LENDING_POLICY, DEFAULT_PLAN_POLICY } from '../../../shared/kernel/policy.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY } from '../../../shared/solar/domain/estimate-policy.ts';
import { loadSolarEstimatePolicy } from '../../../shared/solar/policy-config.ts';
import { loadMarketplacePolicy } from '../../../shared/marketplace/policy-config.ts';
import { DEFAULT_MARKETPLACE_POLICY } from '../../../shared/marketplace/domain/quotes.ts';
import { DEFAULT_PROJECT_POLICY, loadProjectPolicy } from '../../../shared/projects/index.ts';
import type { PaymentMethod as StoredPaymentMethod } from '../../support/money-path.ts';

const load = (environment: Record<string, string>) => ({
  ...loadLendingPolicy(environment),
  ...loadPlanPolicy(environment),
  ...loadSolarEstimatePolicy(environment),
  ...loadMarketplacePolicy(environment),
  ...loadProjectPolicy(environment),
});
const integerValues = (Object.keys(POLICY_VALUES) as PolicyValueName[]).filter((name) => POLICY_VALUES[name].range.kind === 'integer');
const rangeOf = (name: PolicyValueName) => POLICY_VALUES[name].range as IntegerRange;
/** A SAMA circular reference as printed on SAMA's BNPL circular of 15 April 2024 (domain facts). */
const CIRCULAR = '45063454';

describe('policy configuration', () => {
  it('is the documented defaults when nothing is overridden', () => {
    expect(loadLendingPolicy({})).toEqual(DEFAULT_LENDING_POLICY);
    expect(loadPlanPolicy({})).toEqual(DEFAULT_PLAN_POLICY);
  });

  it('has every default inside its own range, without any SAMA circular', () => {
    const solar = DEFAULT_SOLAR_ESTIMATE_POLICY;
    const defaults = {
      ...DEFAULT_LENDING_POLICY,
      ...DEFAULT_PLAN_POLICY,
      paymentIntentTtlSeconds: DEFAULT_PLAN_POLICY.paymentIntentTtlSecondsByMethod.MADA,
      sadadPaymentIntentTtlSeconds: DEFAULT_PLAN_POLICY.paymentIntentTtlSecondsByMethod.SADAD,
      solarPriceLowHalalasPerKilowattPeak: solar.priceHalalasPerKilowattPeak.low,
      solarPriceHighHalalasPerKilowattPeak: solar.priceHalalasPerKilowattPeak.high,
      solarExportCreditHalalasPerKilowattHour: solar.exportCreditHalalasPerKilowattHour,
      solarSelfConsumptionBasisPoints: solar.selfConsumptionBasisPoints,
      quoteRequestOpenSeconds: DEFAULT_MARKETPLACE_POLICY.quoteRequestOpenSeconds,
      quotesPerRequestMax: DEFAULT_MARKETPLACE_POLICY.quotesPerRequestMax,
      ...DEFAULT_PROJECT_POLICY,
    };
    for (const name of Object.keys(POLICY_VALUES) as PolicyValueName[]) {
      const { range } = POLICY_VALUES[name];
      const value = defaults[name];
      if (range.kind === 'choice') expect(range.values, name).toContain(value);
      else expect(value, name).toSatisfy((number: number) => number >= range.min && number <= ('samaMax' in range ? range.samaMax : range.max));
    }
  });

  it('takes each overridden value from its variable', () => {
    const environment = {
      POLICY_RESIDENCY: 'citizens-and-residents',
      POLICY_EXPOSURE_LIMIT_HALALAS: '400000',
      POLICY_OFFER_TTL_SECONDS: '600',
      POLICY_COOLING_OFF_SECONDS: '86400',
      POLICY_CREDIT_ASSESSMENT_VALIDITY_SECONDS: '604800',
      POLICY_ARREARS_BUCKET_BLOCKING_NEW_PLANS: '31-60',
      POLICY_OBLIGATIONS_HALVING_THRESHOLD_HALALAS: '1000000',
      POLICY_OBLIGATIONS_INELIGIBLE_THRESHOLD_HALALAS: '2000000',
    };

    expect(loadLendingPolicy(environment)).toEqual({
      ...DEFAULT_LENDING_POLICY,
      residency: 'citizens-and-residents',
      exposureLimitHalalas: 400_000,
      creditAssessmentValiditySeconds: 604_800,
      arrearsBucketBlockingNewPlans: '31-60',
      obligationsHalvingThresholdHalalas: 1_000_000,
      obligationsIneligibleThresholdHalalas: 2_000_000,
    });
    expect(loadPlanPolicy(environment)).toEqual({ ...DEFAULT_PLAN_POLICY, offerTtlSeconds: 600, coolingOffSeconds: 86_400 });
  });

  it('gives card methods and SADAD their own payment intent lifetimes: hours for a checkout, days for a bill', () => {
    expect(DEFAULT_PLAN_POLICY.paymentIntentTtlSecondsByMethod).toEqual({ MADA: 7_200, CREDIT_CARD: 7_200, APPLE_PAY: 7_200, SADAD: 3 * 86_400 });

    const policy = loadPlanPolicy({ POLICY_PAYMENT_INTENT_TTL_SECONDS: '900', POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS: '172800' });

    expect(policy.paymentIntentTtlSecondsByMethod).toEqual({ MADA: 900, CREDIT_CARD: 900, APPLE_PAY: 900, SADAD: 172_800 });
  });

  it('knows every payment method the API and the plan store know', () => {
    expectTypeOf<PaymentMethod>().toEqualTypeOf<StoredPaymentMethod>();
    expectTypeOf<PaymentMethod>().toEqualTypeOf<(typeof PAYMENT_METHODS)[number]>();
    expect(Object.keys(DEFAULT_PLAN_POLICY.paymentIntentTtlSecondsByMethod).sort()).toEqual([...PAYMENT_METHODS].sort());
  });

  it('lets local journeys shorten every window to a few seconds', () => {
    const seconds = {
      POLICY_OFFER_TTL_SECONDS: '5',
      POLICY_COOLING_OFF_SECONDS: '5',
      POLICY_PAYMENT_INTENT_TTL_SECONDS: '5',
      POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS: '5',
      POLICY_CREDIT_ASSESSMENT_VALIDITY_SECONDS: '5',
    };

    expect(load(seconds)).toMatchObject({ offerTtlSeconds: 5, coolingOffSeconds: 5, creditAssessmentValiditySeconds: 5, paymentIntentTtlSecondsByMethod: { MADA: 5, SADAD: 5 } });
  });

  it('refuses a value outside its range, naming the variable, the context key and the range', () => {
    expect(() => loadPlanPolicy({ POLICY_COOLING_OFF_SECONDS: '1.5' })).toThrow("POLICY_COOLING_OFF_SECONDS (-c policy.coolingOffSeconds) must be an integer from 1 to 2592000, got '1.5'");
    expect(() => loadLendingPolicy({ POLICY_INSTALLMENT_COUNT_MAX: '0' })).toThrow('POLICY_INSTALLMENT_COUNT_MAX (-c policy.installmentCountMax) must be an integer from 1 to 120');
    expect(() => loadLendingPolicy({ POLICY_MINIMUM_AGE_HIJRI_YEARS: '17' })).toThrow('POLICY_MINIMUM_AGE_HIJRI_YEARS (-c policy.minimumAgeHijriYears) must be an integer from 18 to 65');
    expect(() => loadLendingPolicy({ POLICY_RESIDENCY: 'everyone' })).toThrow('POLICY_RESIDENCY (-c policy.residency) must be one of citizens-only, citizens-and-residents');
    expect(() => loadLendingPolicy({ POLICY_ARREARS_BUCKET_BLOCKING_NEW_PLANS: 'CURRENT' })).toThrow('POLICY_ARREARS_BUCKET_BLOCKING_NEW_PLANS (-c policy.arrearsBucketBlockingNewPlans) must be one of 1-30, 31-60, 61-90, 90+');
    expect(() => loadPlanPolicy({ POLICY_OFFER_TTL_SECONDS: '1e3' })).toThrow('POLICY_OFFER_TTL_SECONDS');
    expect(() => loadPlanPolicy({ POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS: '0x10' })).toThrow('POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS');
  });

  it('refuses every integer just outside a range and accepts both ends of it', () => {
    const circular = { [POLICY_SAMA_CIRCULAR_VARIABLE]: CIRCULAR };
    for (const name of integerValues) {
      const { min, max } = rangeOf(name);
      const { variable } = POLICY_VALUES[name];
      const outside = [min - 1, max + 1].filter((value) => value >= 0);
      for (const value of outside) {
        expect(() => load({ ...circular, [variable]: String(value) }), `${variable}=${value}`).toThrow(`${variable} (-c policy.${name}) must be an integer from ${min} to ${max}, got '${value}'`);
      }
      // The halving threshold's top end is reachable only below the ineligibility threshold's, which the order check covers.
      const edges = name === 'obligationsHalvingThresholdHalalas' ? [min] : [min, max];
      // Likewise each solar price's far end is reachable only with the other price beside it.
      const orders: Partial<Record<PolicyValueName, Record<string, string>>> = {
        obligationsIneligibleThresholdHalalas: { POLICY_OBLIGATIONS_HALVING_THRESHOLD_HALALAS: '0' },
        solarPriceLowHalalasPerKilowattPeak: { POLICY_SOLAR_PRICE_HIGH_HALALAS_PER_KWP: String(rangeOf('solarPriceHighHalalasPerKilowattPeak').max) },
        solarPriceHighHalalasPerKilowattPeak: { POLICY_SOLAR_PRICE_LOW_HALALAS_PER_KWP: String(rangeOf('solarPriceLowHalalasPerKilowattPeak').min) },
      };
      const order = orders[name] ?? {};
      for (const value of edges) expect(() => load({ ...circular, ...order, [variable]: String(value) }), `${variable}=${value}`).not.toThrow();
    }
  });

  it('stops an installment maximum above what schedules support, which used to fail every offer', () => {
    expect(() => buildInstallmentSchedule({ financedHalalas: 100_00, installmentCount: 3, startDate: '2026-01-01' }, { installmentCountMax: INSTALLMENTS_PER_PLAN_MAX + 1 })).toThrow(RangeError);

    expect(() => loadLendingPolicy({ POLICY_INSTALLMENT_COUNT_MAX: String(INSTALLMENTS_PER_PLAN_MAX + 1), [POLICY_SAMA_CIRCULAR_VARIABLE]: CIRCULAR })).toThrow(
      `POLICY_INSTALLMENT_COUNT_MAX (-c policy.installmentCountMax) must be an integer from 1 to ${INSTALLMENTS_PER_PLAN_MAX}, got '121'`,
    );
  });

  it('refuses a value beyond a SAMA rule unless the SAMA circular that allows it is named', () => {
    expect(() => loadLendingPolicy({ POLICY_EXPOSURE_LIMIT_HALALAS: '10000000' })).toThrow(
      'POLICY_EXPOSURE_LIMIT_HALALAS (-c policy.exposureLimitHalalas) is 10000000, above the SAMA rule of 500000; set POLICY_SAMA_CIRCULAR (-c policy.samaCircular=<reference>)',
    );
    expect(() => loadLendingPolicy({ POLICY_INSTALLMENT_COUNT_MAX: '13' })).toThrow('above the SAMA rule of 12');

    const allowed = loadLendingPolicy({ POLICY_EXPOSURE_LIMIT_HALALAS: '10000000', POLICY_INSTALLMENT_COUNT_MAX: '24', POLICY_SAMA_CIRCULAR: CIRCULAR });

    expect(allowed).toMatchObject({ exposureLimitHalalas: 10_000_000, installmentCountMax: 24 });
    expect(loadLendingPolicy({ POLICY_EXPOSURE_LIMIT_HALALAS: '500000', POLICY_INSTALLMENT_COUNT_MAX: '12' })).toMatchObject({ exposureLimitHalalas: 500_000, installmentCountMax: 12 });
  });

  it('refuses a SAMA circular reference that is not a reference', () => {
    expect(() => loadPlanPolicy({ POLICY_SAMA_CIRCULAR: 'trust me; it is fine' })).toThrow('POLICY_SAMA_CIRCULAR must be a circular reference');
    expect(() => loadPlanPolicy({ POLICY_SAMA_CIRCULAR: 'x'.repeat(65) })).toThrow('POLICY_SAMA_CIRCULAR must be a circular reference');
    expect(loadPlanPolicy({ POLICY_SAMA_CIRCULAR: 'BNPL/45063454' })).toEqual(DEFAULT_PLAN_POLICY);
  });

  it('keeps the obligations halving threshold below the ineligibility threshold', () => {
    expect(() => loadLendingPolicy({ POLICY_OBLIGATIONS_HALVING_THRESHOLD_HALALAS: '15000000' })).toThrow(
      'POLICY_OBLIGATIONS_HALVING_THRESHOLD_HALALAS (15000000) must be below POLICY_OBLIGATIONS_INELIGIBLE_THRESHOLD_HALALAS (15000000)',
    );
    expect(() => loadLendingPolicy({ POLICY_OBLIGATIONS_INELIGIBLE_THRESHOLD_HALALAS: '4000000' })).toThrow('must be below POLICY_OBLIGATIONS_INELIGIBLE_THRESHOLD_HALALAS (4000000)');
  });

  it('refuses a solar price range whose low end is above its high end', () => {
    expect(() => loadSolarEstimatePolicy({ POLICY_SOLAR_PRICE_LOW_HALALAS_PER_KWP: '600000' })).toThrow('POLICY_SOLAR_PRICE_LOW_HALALAS_PER_KWP (600000) must not exceed POLICY_SOLAR_PRICE_HIGH_HALALAS_PER_KWP (500000)');
  });

  it('names every bad value at once', () => {
    expect(() => load({ POLICY_OFFER_TTL_SECONDS: '0', POLICY_COOLING_OFF_SECONDS: 'soon' })).toThrow(/POLICY_OFFER_TTL_SECONDS.*; POLICY_COOLING_OFF_SECONDS/);
  });

  it('is documented in docs/policy.md with each value’s variable, context key and range', () => {
    const rows = readFileSync(new URL('../../../docs/policy.md', import.meta.url), 'utf8').split('\n');
    for (const name of Object.keys(POLICY_VALUES) as PolicyValueName[]) {
      const row = rows.find((line) => line.includes(`\`${POLICY_VALUES[name].variable}\``));
      expect(row, POLICY_VALUES[name].variable).toBeDefined();
      expect(row).toContain(`\`policy.${name}\``);
      expect(row).toContain(describePolicyRange(name));
    }
    expect(rows.join('\n')).toContain(`\`${POLICY_SAMA_CIRCULAR_VARIABLE}\` (\`policy.samaCircular\`)`);
  });
});

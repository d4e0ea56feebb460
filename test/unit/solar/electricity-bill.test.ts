import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualSavings, billFor, energyChargeHalalas, MONTHS_PER_YEAR } from '../../../shared/solar/domain/electricity-bill.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY, type SolarEstimatePolicy } from '../../../shared/solar/domain/estimate-policy.ts';

const policy = DEFAULT_SOLAR_ESTIMATE_POLICY;
const tariff = policy.residentialTariff;

/** The SEC residential tariff as the brief states it: 18 halalas/kWh up to 6,000 kWh a month, 30 above. */
const LOWER_TIER_CEILING_KWH = 6_000;
const LOWER_TIER_HALALAS = 18;
const UPPER_TIER_HALALAS = 30;
const secCharge = (kilowattHours: number): number =>
  LOWER_TIER_HALALAS * Math.min(kilowattHours, LOWER_TIER_CEILING_KWH) + UPPER_TIER_HALALAS * Math.max(0, kilowattHours - LOWER_TIER_CEILING_KWH);

/** 15 % VAT rounded half up, in exact integer arithmetic: (charge × 15 + 50) div 100. */
const vatOf = (chargeHalalas: number): number => Number((BigInt(chargeHalalas) * 15n + 50n) / 100n);
const billTotal = (chargeHalalas: number): number => chargeHalalas + vatOf(chargeHalalas);

/** An independent model of net billing: self-consumption displaces the top tier, exports credit the charge before VAT. */
function referenceYear(consumption: readonly number[], production: readonly number[], rules: Pick<SolarEstimatePolicy, 'selfConsumptionBasisPoints' | 'exportCreditHalalasPerKilowattHour'>) {
  let credit = 0;
  const months = consumption.map((used, index) => {
    const produced = production[index]!;
    const selfConsumed = Math.min(Math.floor((produced * rules.selfConsumptionBasisPoints) / 10_000), used);
    const exported = produced - selfConsumed;
    credit += exported * rules.exportCreditHalalasPerKilowattHour;
    const chargeAfterSolar = secCharge(used - selfConsumed);
    const creditUsed = Math.min(credit, chargeAfterSolar);
    credit -= creditUsed;
    const before = billTotal(secCharge(used));
    const after = billTotal(chargeAfterSolar - creditUsed);
    return { selfConsumed, exported, before, after };
  });
  return { months, unusedCredit: credit };
}

const monthlyKilowattHours = fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: MONTHS_PER_YEAR, maxLength: MONTHS_PER_YEAR });
const savingsRules = fc.record({
  selfConsumptionBasisPoints: fc.integer({ min: 0, max: 10_000 }),
  exportCreditHalalasPerKilowattHour: fc.integer({ min: 0, max: 40 }),
});
const twelve = (value: number): number[] => new Array<number>(MONTHS_PER_YEAR).fill(value);
const only = (monthIndex: number, value: number): number[] => twelve(0).map((_, index) => (index === monthIndex ? value : 0));

describe('the SEC energy charge', () => {
  it('bills every kWh up to 6,000 a month at 18 halalas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LOWER_TIER_CEILING_KWH }), (kilowattHours) => {
        expect(energyChargeHalalas(kilowattHours, tariff)).toBe(kilowattHours * LOWER_TIER_HALALAS);
      }),
    );
  });

  it('bills only the kWh above 6,000 at 30 halalas', () => {
    expect(energyChargeHalalas(6_001, tariff)).toBe(6_000 * 18 + 30);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (kilowattHours) => {
        expect(energyChargeHalalas(kilowattHours, tariff)).toBe(secCharge(kilowattHours));
      }),
    );
  });

  it('refuses fractional or negative consumption', () => {
    expect(() => energyChargeHalalas(10.5, tariff)).toThrow(RangeError);
    expect(() => energyChargeHalalas(-1, tariff)).toThrow(RangeError);
  });
});

describe('a monthly bill', () => {
  it('adds 15 % VAT rounded half up, so a VAT of exactly half a halala rounds up', () => {
    // 5 kWh cost 90 halalas; 15 % of 90 is 13.5.
    expect(billFor(90, policy)).toEqual({ energyChargeHalalas: 90, vatHalalas: 14, totalHalalas: 104 });
    // 10 halalas: VAT 1.5 rounds to 2; 3 halalas: VAT 0.45 rounds to 0.
    expect(billFor(10, policy).vatHalalas).toBe(2);
    expect(billFor(3, policy).vatHalalas).toBe(0);
  });

  it('is the charge plus VAT rounded half up, for any charge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (chargeHalalas) => {
        const bill = billFor(chargeHalalas, policy);
        expect(bill.vatHalalas).toBe(vatOf(chargeHalalas));
        expect(bill.totalHalalas).toBe(chargeHalalas + bill.vatHalalas);
      }),
    );
  });
});

describe('annual savings on the SEC bill', () => {
  it('needs twelve months of consumption and of production', () => {
    expect(() => annualSavings(twelve(100).slice(1), twelve(100), policy)).toThrow(RangeError);
    expect(() => annualSavings(twelve(100), [...twelve(100), 100], policy)).toThrow(RangeError);
  });

  it('refuses fractional or negative production', () => {
    expect(() => annualSavings(twelve(100), [...twelve(100).slice(1), 1.5], policy)).toThrow(RangeError);
    expect(() => annualSavings(twelve(100), [...twelve(100).slice(1), -1], policy)).toThrow(RangeError);
  });

  it('lets self-consumed kWh displace the top tier first: a 7,000 kWh home using 1,000 kWh of its own saves 30 halalas a kWh', () => {
    const allSelfConsumed = { ...policy, selfConsumptionBasisPoints: 10_000, exportCreditHalalasPerKilowattHour: 0 };

    const result = annualSavings(twelve(7_000), twelve(1_000), allSelfConsumed);

    const energySavedHalalas = 1_000 * UPPER_TIER_HALALAS;
    for (const month of result.months) {
      expect(month.selfConsumedKilowattHours).toBe(1_000);
      expect(month.billBeforeHalalas).toBe(billTotal(6_000 * 18 + 1_000 * 30));
      expect(month.billAfterHalalas).toBe(billTotal(6_000 * 18));
      // The charge falls by 1,000 × 30 halalas, and the VAT on it by 15 % of that.
      expect(month.savingsHalalas).toBe(energySavedHalalas + vatOf(energySavedHalalas));
    }
  });

  it('never counts more self-consumption than the month consumed; the rest is exported', () => {
    const allSelfConsumed = { ...policy, selfConsumptionBasisPoints: 10_000 };

    const [january] = annualSavings(twelve(300), twelve(1_000), allSelfConsumed).months;

    expect(january!.selfConsumedKilowattHours).toBe(300);
    expect(january!.exportedKilowattHours).toBe(700);
    expect(january!.exportCreditHalalas).toBe(700 * policy.exportCreditHalalasPerKilowattHour);
    expect(january!.billAfterHalalas).toBe(0);
  });

  it('carries export credit into later months against the charge before VAT', () => {
    const exportOnly = { ...policy, selfConsumptionBasisPoints: 0, exportCreditHalalasPerKilowattHour: 7 };
    // January exports 1,000 kWh (7,000 halalas of credit) and uses nothing; February uses 100 kWh (1,800 halalas).
    const result = annualSavings(only(1, 100), only(0, 1_000), exportOnly);

    const [january, february] = result.months;
    expect(january!.exportCreditHalalas).toBe(7_000);
    expect(january!.savingsHalalas).toBe(0);
    expect(february!.billBeforeHalalas).toBe(billTotal(1_800));
    expect(february!.billAfterHalalas).toBe(0);
    expect(february!.savingsHalalas).toBe(billTotal(1_800));
    expect(result.unusedExportCreditHalalas).toBe(7_000 - 1_800);
  });

  it('reports credit left at the end of the year as unused, not as savings', () => {
    const exportOnly = { ...policy, selfConsumptionBasisPoints: 0, exportCreditHalalasPerKilowattHour: 7 };

    const result = annualSavings(twelve(0), only(11, 2_000), exportOnly);

    expect(result.unusedExportCreditHalalas).toBe(2_000 * 7);
    expect(result.savingsHalalas).toBe(0);
    expect(result.billAfterHalalas).toBe(0);
  });

  it('matches the net-billing rules month by month, for any year and any self-consumption share and export rate', () => {
    fc.assert(
      fc.property(monthlyKilowattHours, monthlyKilowattHours, savingsRules, (consumption, production, rules) => {
        const result = annualSavings(consumption, production, { ...policy, ...rules });
        const expected = referenceYear(consumption, production, rules);

        result.months.forEach((month, index) => {
          const reference = expected.months[index]!;
          expect(month.month).toBe(index + 1);
          expect(month.selfConsumedKilowattHours).toBe(reference.selfConsumed);
          expect(month.exportedKilowattHours).toBe(reference.exported);
          expect(month.billBeforeHalalas).toBe(reference.before);
          expect(month.billAfterHalalas).toBe(reference.after);
        });
        expect(result.unusedExportCreditHalalas).toBe(expected.unusedCredit);
      }),
    );
  });

  it('caps self-consumption at the month\'s consumption and splits production into self-consumed and exported', () => {
    fc.assert(
      fc.property(monthlyKilowattHours, monthlyKilowattHours, savingsRules, (consumption, production, rules) => {
        for (const month of annualSavings(consumption, production, { ...policy, ...rules }).months) {
          expect(month.selfConsumedKilowattHours).toBeLessThanOrEqual(month.consumptionKilowattHours);
          expect(month.selfConsumedKilowattHours).toBeGreaterThanOrEqual(0);
          expect(month.selfConsumedKilowattHours + month.exportedKilowattHours).toBe(month.productionKilowattHours);
        }
      }),
    );
  });

  it('never raises a bill: savings are never negative, in any month or over the year', () => {
    fc.assert(
      fc.property(monthlyKilowattHours, monthlyKilowattHours, savingsRules, (consumption, production, rules) => {
        const result = annualSavings(consumption, production, { ...policy, ...rules });
        for (const month of result.months) {
          expect(month.billAfterHalalas).toBeLessThanOrEqual(month.billBeforeHalalas);
          expect(month.savingsHalalas).toBeGreaterThanOrEqual(0);
          expect(month.savingsHalalas).toBe(month.billBeforeHalalas - month.billAfterHalalas);
        }
        expect(result.billAfterHalalas).toBeLessThanOrEqual(result.billBeforeHalalas);
        expect(result.unusedExportCreditHalalas).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('totals the year as the exact sums of its months', () => {
    fc.assert(
      fc.property(monthlyKilowattHours, monthlyKilowattHours, savingsRules, (consumption, production, rules) => {
        const result = annualSavings(consumption, production, { ...policy, ...rules });
        const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
        expect(result.months).toHaveLength(MONTHS_PER_YEAR);
        expect(result.billBeforeHalalas).toBe(sum(result.months.map((month) => month.billBeforeHalalas)));
        expect(result.billAfterHalalas).toBe(sum(result.months.map((month) => month.billAfterHalalas)));
        expect(result.savingsHalalas).toBe(sum(result.months.map((month) => month.savingsHalalas)));
        expect(result.savingsHalalas).toBe(result.billBeforeHalalas - result.billAfterHalalas);
      }),
    );
  });

  it('gives every amount and energy figure as a whole number', () => {
    fc.assert(
      fc.property(monthlyKilowattHours, monthlyKilowattHours, savingsRules, (consumption, production, rules) => {
        const result = annualSavings(consumption, production, { ...policy, ...rules });
        const figures = [
          result.billBeforeHalalas,
          result.billAfterHalalas,
          result.savingsHalalas,
          result.unusedExportCreditHalalas,
          ...result.months.flatMap((month) => Object.values(month)),
        ];
        for (const figure of figures) expect(Number.isSafeInteger(figure)).toBe(true);
      }),
    );
  });
});

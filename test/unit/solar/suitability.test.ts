import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstimateSummary, MonthlyConsumption } from '../../../shared/solar/domain/electricity-account.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY } from '../../../shared/solar/domain/estimate-policy.ts';
import { suitabilityOf, type Suitability, type SuitabilityReason } from '../../../shared/solar/domain/suitability.ts';

const tariff = DEFAULT_SOLAR_ESTIMATE_POLICY.residentialTariff;

const monthsOf = (kilowattHours: readonly number[]): MonthlyConsumption[] =>
  kilowattHours.map((consumptionKilowattHours, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}`, consumptionKilowattHours }));

const estimate = (recommendedWatts: number, targetWatts: number): EstimateSummary => ({
  estimateId: 'E1',
  recommendedWatts,
  targetWatts,
  limitedBy: recommendedWatts < targetWatts ? 'ROOF_AREA' : 'TARGET',
  createdAt: '2026-11-30T09:00:00.000Z',
});

const reason = (suitability: Suitability, code: SuitabilityReason['code']): SuitabilityReason | undefined => suitability.reasons.find((candidate) => candidate.code === code);

const anyMonths = fc.array(fc.integer({ min: 0, max: 15_000 }), { minLength: 12, maxLength: 12 });
const anyYield = fc.integer({ min: 1_000, max: 2_200 });
const anyEstimate = fc.option(
  fc.record({ recommendedWatts: fc.integer({ min: 0, max: 40 }).map((modules) => modules * 550), targetWatts: fc.integer({ min: 0, max: 40 }).map((modules) => modules * 550) }).map(({ recommendedWatts, targetWatts }) => estimate(recommendedWatts, targetWatts)),
  { nil: undefined },
);

describe('the solar suitability score', () => {
  it('is a whole number from 0 to 100, explained by a reason for each component', () => {
    fc.assert(
      fc.property(anyMonths, anyYield, anyEstimate, (kilowattHours, citySpecificYield, latestEstimate) => {
        const suitability = suitabilityOf({ months: monthsOf(kilowattHours), citySpecificYieldKilowattHoursPerKilowattPeak: citySpecificYield, latestEstimate, tariff });

        expect(Number.isInteger(suitability.score)).toBe(true);
        expect(suitability.score).toBeGreaterThanOrEqual(0);
        expect(suitability.score).toBeLessThanOrEqual(100);
        const codes = suitability.reasons.map((candidate) => candidate.code);
        expect(codes).toEqual(expect.arrayContaining(['ANNUAL_CONSUMPTION', 'UPPER_TARIFF_TIER', 'CITY_SOLAR_YIELD', latestEstimate === undefined ? 'ROOF_NOT_YET_ESTIMATED' : 'ROOF_ADEQUACY']));
        for (const each of suitability.reasons) {
          expect(each.points).toBeGreaterThanOrEqual(0);
          expect(each.points).toBeLessThanOrEqual(each.maximumPoints);
          expect(each.detail).not.toBe('');
        }
      }),
    );
  });

  it('is the share of points earned over the points available, as a percentage', () => {
    fc.assert(
      fc.property(anyMonths, anyYield, anyEstimate, (kilowattHours, citySpecificYield, latestEstimate) => {
        const suitability = suitabilityOf({ months: monthsOf(kilowattHours), citySpecificYieldKilowattHoursPerKilowattPeak: citySpecificYield, latestEstimate, tariff });
        const earned = suitability.reasons.reduce((sum, each) => sum + each.points, 0);
        const available = suitability.reasons.reduce((sum, each) => sum + each.maximumPoints, 0);
        expect(suitability.score).toBe(Math.round((earned / available) * 100));
      }),
    );
  });

  it('never falls when a home consumes more in any month', () => {
    fc.assert(
      fc.property(anyMonths, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 10_000 }), anyYield, anyEstimate, (kilowattHours, month, extra, citySpecificYield, latestEstimate) => {
        const more = kilowattHours.map((value, index) => (index === month ? value + extra : value));
        const common = { citySpecificYieldKilowattHoursPerKilowattPeak: citySpecificYield, latestEstimate, tariff };
        expect(suitabilityOf({ ...common, months: monthsOf(more) }).score).toBeGreaterThanOrEqual(suitabilityOf({ ...common, months: monthsOf(kilowattHours) }).score);
      }),
    );
  });

  it('is lower for a roof that allowed only half the target than for one that allowed all of it', () => {
    const common = { months: monthsOf(new Array<number>(12).fill(2_000)), citySpecificYieldKilowattHoursPerKilowattPeak: 1_600, tariff };

    const wholeRoof = suitabilityOf({ ...common, latestEstimate: estimate(6_600, 6_600) });
    const halfRoof = suitabilityOf({ ...common, latestEstimate: estimate(3_300, 6_600) });

    expect(halfRoof.score).toBeLessThan(wholeRoof.score);
    expect(reason(halfRoof, 'ROOF_ADEQUACY')!.points).toBe(reason(wholeRoof, 'ROOF_ADEQUACY')!.maximumPoints / 2);
  });

  it('never rewards a roof that allowed less over one that allowed more', () => {
    fc.assert(
      fc.property(anyMonths, anyYield, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (kilowattHours, citySpecificYield, targetModules, cutModules) => {
        const common = { months: monthsOf(kilowattHours), citySpecificYieldKilowattHoursPerKilowattPeak: citySpecificYield, tariff };
        const targetWatts = targetModules * 550;
        const allowedWatts = Math.max(0, targetModules - cutModules) * 550;
        expect(suitabilityOf({ ...common, latestEstimate: estimate(allowedWatts, targetWatts) }).score).toBeLessThanOrEqual(suitabilityOf({ ...common, latestEstimate: estimate(targetWatts, targetWatts) }).score);
      }),
    );
  });

  it('without an estimate says the roof is not yet estimated and scales the score over consumption and yield alone', () => {
    // 21,000 kWh a year is half way from 6,000 to 36,000 (15 of 30 points); 2 months above 6,000 kWh give 5 of 10;
    // 1,600 kWh/kWp is half way from 1,450 to 1,750 (20 of 40). 40 of the 80 known points: 50.
    const kilowattHours = [7_000, 7_000, ...new Array<number>(10).fill(700)];
    expect(kilowattHours.reduce((sum, value) => sum + value, 0)).toBe(21_000);

    const suitability = suitabilityOf({ months: monthsOf(kilowattHours), citySpecificYieldKilowattHoursPerKilowattPeak: 1_600, latestEstimate: undefined, tariff });

    expect(reason(suitability, 'ROOF_NOT_YET_ESTIMATED')).toMatchObject({ points: 0, maximumPoints: 0 });
    expect(reason(suitability, 'ROOF_ADEQUACY')).toBeUndefined();
    expect(reason(suitability, 'ANNUAL_CONSUMPTION')!.points).toBe(15);
    expect(reason(suitability, 'UPPER_TARIFF_TIER')!.points).toBe(5);
    expect(reason(suitability, 'CITY_SOLAR_YIELD')!.points).toBe(20);
    expect(suitability.score).toBe(50);
  });

  it('scores 100 without an estimate when consumption and yield are both ideal, as with a fully adequate roof', () => {
    const ideal = { months: monthsOf(new Array<number>(12).fill(7_000)), citySpecificYieldKilowattHoursPerKilowattPeak: 1_750, tariff };

    expect(suitabilityOf({ ...ideal, latestEstimate: undefined }).score).toBe(100);
    expect(suitabilityOf({ ...ideal, latestEstimate: estimate(6_600, 6_600) }).score).toBe(100);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCity, type SolarCity } from '../../../shared/solar/domain/cities.ts';
import { estimateSolarSystem, type EstimateInput, type SolarEstimateFigures } from '../../../shared/solar/domain/estimate.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY, type SolarEstimatePolicy } from '../../../shared/solar/domain/estimate-policy.ts';

const policy = DEFAULT_SOLAR_ESTIMATE_POLICY;
const riyadh: SolarCity = findCity('riyadh') ?? (() => { throw new Error('riyadh is a supported city'); })();

/** A Riyadh villa: 2,000 kWh a month, a 100 m² roof. */
const villa = (overrides: Partial<EstimateInput> = {}): EstimateInput => ({
  city: riyadh,
  monthlyConsumptionKilowattHours: new Array<number>(12).fill(2_000),
  roofAreaSquareMeters: 100,
  ...overrides,
});

function figuresOf(input: EstimateInput, estimatePolicy: SolarEstimatePolicy = policy): SolarEstimateFigures {
  const outcome = estimateSolarSystem(input, estimatePolicy);
  if (outcome.kind !== 'estimated') throw new Error(`expected an estimate, got ${outcome.kind}`);
  return outcome.figures;
}

/** Watts at a price per kWp, rounded half up to the halala, plus 15 % VAT rounded half up: exact, in BigInt. */
function expectedPriceHalalas(watts: number, halalasPerKilowattPeak: number): number {
  const beforeVat = (BigInt(watts) * BigInt(halalasPerKilowattPeak) * 2n + 1_000n) / 2_000n;
  const vat = (beforeVat * 15n * 2n + 100n) / 200n;
  return Number(beforeVat + vat);
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const anyMonthlyConsumption = fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 12, maxLength: 12 });

describe('a solar estimate for a Riyadh home', () => {
  it('needs twelve months of consumption', () => {
    expect(() => estimateSolarSystem(villa({ monthlyConsumptionKilowattHours: new Array<number>(11).fill(2_000) }), policy)).toThrow(RangeError);
  });

  it('gives monthly production in whole kWh that sums to the annual figure', () => {
    fc.assert(
      fc.property(anyMonthlyConsumption, fc.integer({ min: 10, max: 300 }), (monthlyConsumptionKilowattHours, roofAreaSquareMeters) => {
        const figures = figuresOf(villa({ monthlyConsumptionKilowattHours, roofAreaSquareMeters }));
        expect(figures.production.monthlyKilowattHours).toHaveLength(12);
        for (const month of figures.production.monthlyKilowattHours) expect(Number.isInteger(month)).toBe(true);
        expect(sum(figures.production.monthlyKilowattHours)).toBe(figures.production.annualKilowattHours);
        expect(figures.consumption.annualKilowattHours).toBe(sum(monthlyConsumptionKilowattHours));
      }),
      { numRuns: 50 },
    );
  });

  it('has a specific yield plausible for Riyadh, below Najran\'s 1,721 kWh/kWp best', () => {
    const { production, system } = figuresOf(villa());

    expect(system.azimuthDegrees).toBe(180);
    expect(production.specificYieldKilowattHoursPerKilowattPeak).toBeGreaterThanOrEqual(1_400);
    expect(production.specificYieldKilowattHoursPerKilowattPeak).toBeLessThanOrEqual(1_800);
    expect(production.specificYieldKilowattHoursPerKilowattPeak).toBe(Math.round(production.annualKilowattHours / (system.recommendedWatts / 1_000)));
  });

  it('prices the system at the policy\'s low and high price per kWp plus 15 % VAT, exactly in halalas', () => {
    fc.assert(
      fc.property(anyMonthlyConsumption, (monthlyConsumptionKilowattHours) => {
        const { costRange, system } = figuresOf(villa({ monthlyConsumptionKilowattHours }));
        expect(costRange.lowHalalas).toBe(expectedPriceHalalas(system.recommendedWatts, policy.priceHalalasPerKilowattPeak.low));
        expect(costRange.highHalalas).toBe(expectedPriceHalalas(system.recommendedWatts, policy.priceHalalasPerKilowattPeak.high));
        expect(costRange.lowHalalas).toBeLessThanOrEqual(costRange.highHalalas);
      }),
      { numRuns: 50 },
    );
  });

  it('rounds a price that is not a whole halala half up before VAT', () => {
    // 1,100 W at 3,333.33 SAR/kWp is 366,666.3 halalas before VAT.
    const oddPrice = { ...policy, priceHalalasPerKilowattPeak: { low: 333_333, high: 333_335 } };
    const { costRange, system } = figuresOf(villa({ monthlyConsumptionKilowattHours: new Array<number>(12).fill(0) }), oddPrice);

    expect(system.recommendedWatts).toBe(1_100);
    expect(costRange.lowHalalas).toBe(expectedPriceHalalas(1_100, 333_333));
    expect(costRange.highHalalas).toBe(expectedPriceHalalas(1_100, 333_335));
  });

  it('pays back in the cost over the first year\'s savings, to one decimal', () => {
    fc.assert(
      fc.property(anyMonthlyConsumption.filter((months) => sum(months) > 0), (monthlyConsumptionKilowattHours) => {
        const { costRange, savings, simplePaybackYears } = figuresOf(villa({ monthlyConsumptionKilowattHours }));
        expect(savings.savingsHalalas).toBeGreaterThan(0);
        expect(simplePaybackYears).not.toBeNull();
        for (const [years, costHalalas] of [[simplePaybackYears!.low, costRange.lowHalalas], [simplePaybackYears!.high, costRange.highHalalas]] as const) {
          expect(Math.abs(years - costHalalas / savings.savingsHalalas)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.abs(years * 10 - Math.round(years * 10))).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('has no payback when the system saves nothing', () => {
    const nothingCredited = { ...policy, selfConsumptionBasisPoints: 0, exportCreditHalalasPerKilowattHour: 0 };

    const figures = figuresOf(villa({ monthlyConsumptionKilowattHours: new Array<number>(12).fill(0) }), nothingCredited);

    expect(figures.savings.savingsHalalas).toBe(0);
    expect(figures.simplePaybackYears).toBeNull();
  });

  it('avoids the annual production times 570 g of CO₂ per kWh, in whole kilograms', () => {
    fc.assert(
      fc.property(anyMonthlyConsumption, (monthlyConsumptionKilowattHours) => {
        const { co2AvoidedKilogramsPerYear, production } = figuresOf(villa({ monthlyConsumptionKilowattHours }));
        expect(co2AvoidedKilogramsPerYear).toBe(Math.round((production.annualKilowattHours * 570) / 1_000));
      }),
      { numRuns: 50 },
    );
  });

  it('lists, with a source, the tariff, VAT, self-consumption, export, roof, module, price and emission values of the policy it used', () => {
    const { assumptions } = figuresOf(villa());
    const valueOf = (name: string) => assumptions.find((assumption) => assumption.name === name)?.value;

    for (const assumption of assumptions) expect(assumption.source).not.toBe('');
    expect(valueOf('vat')).toBe(policy.vatBasisPoints / 100);
    expect(valueOf('selfConsumptionShare')).toBe(policy.selfConsumptionBasisPoints / 100);
    expect(valueOf('exportCreditRate')).toBe(policy.exportCreditHalalasPerKilowattHour);
    expect(valueOf('roofAreaPerKilowattPeak')).toBe(policy.roofSquareMetersPerKilowattPeak);
    expect(valueOf('moduleRating')).toBe(policy.moduleWatts);
    expect(valueOf('gridEmissionFactor')).toBe(policy.gridEmissionGramsCo2PerKilowattHour);
    const priceRange = String(valueOf('priceRangePerKilowattPeakBeforeVat'));
    expect(priceRange).toContain(String(policy.priceHalalasPerKilowattPeak.low));
    expect(priceRange).toContain(String(policy.priceHalalasPerKilowattPeak.high));
    const tariff = String(valueOf('residentialTariff'));
    for (const tier of policy.residentialTariff) {
      expect(tariff).toContain(`${tier.halalasPerKilowattHour} halalas/kWh`);
      if (tier.upToKilowattHoursPerMonth !== null) expect(tariff).toContain(String(tier.upToKilowattHoursPerMonth));
    }
  });

  it('never gains yield per kWp from more shading', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), (first, second) => {
        const [less, more] = first <= second ? [first, second] : [second, first];
        const yieldAt = (shadingLossPercent: number) => figuresOf(villa({ shadingLossPercent })).production.specificYieldKilowattHoursPerKilowattPeak;
        expect(yieldAt(more)).toBeLessThanOrEqual(yieldAt(less));
      }),
    );
  });

  it('never produces more from the same system with more shading', () => {
    // A roof of 40 m² bounds a 24,000 kWh-a-year home at every shading figure, so the system is the same size.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), (first, second) => {
        const [less, more] = first <= second ? [first, second] : [second, first];
        const at = (shadingLossPercent: number) => figuresOf(villa({ roofAreaSquareMeters: 40, shadingLossPercent }));
        expect(at(more).system.recommendedWatts).toBe(at(less).system.recommendedWatts);
        expect(at(more).production.annualKilowattHours).toBeLessThanOrEqual(at(less).production.annualKilowattHours);
        at(more).production.monthlyKilowattHours.forEach((month, index) => expect(month).toBeLessThanOrEqual(at(less).production.monthlyKilowattHours[index]!));
      }),
    );
  });

  it('produces more per kWp facing south than facing north', () => {
    const south = figuresOf(villa({ azimuthDegrees: 180 })).production.specificYieldKilowattHoursPerKilowattPeak;
    const north = figuresOf(villa({ azimuthDegrees: 0 })).production.specificYieldKilowattHoursPerKilowattPeak;

    expect(south).toBeGreaterThan(north);
  });

  it('answers roof-too-small for a 2 m² roof, which holds well under the 1 kW minimum', () => {
    expect(estimateSolarSystem(villa({ roofAreaSquareMeters: 2 }), policy)).toEqual({ kind: 'roof-too-small', roofCapacityWatts: Math.floor(2_000 / 7) });
  });
});

describe('the caller’s figures an estimate keeps', () => {
  it('are taken to hundredths, so that a signed-in estimate can always be stored (DynamoDB numbers stop at 1e-130)', () => {
    const city = findCity('abha')!;
    const outcome = estimateSolarSystem(
      { city, monthlyConsumptionKilowattHours: [1200, 1150, 1400, 2000, 2900, 3600, 4000, 4100, 3500, 2500, 1600, 1300], roofAreaSquareMeters: 120.123456, azimuthDegrees: 36.797978791, shadingLossPercent: 1.3988481220394474e-170, tiltDegrees: 20.005 },
      DEFAULT_SOLAR_ESTIMATE_POLICY,
    );
    if (outcome.kind !== 'estimated') throw new Error('expected an estimate');
    expect(outcome.figures.system).toMatchObject({ shadingLossPercent: 0, azimuthDegrees: 36.8, tiltDegrees: 20.01 });
  });
});

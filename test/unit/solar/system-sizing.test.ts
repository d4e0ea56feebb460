import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOLAR_ESTIMATE_POLICY } from '../../../shared/solar/domain/estimate-policy.ts';
import { sizeSystem, type SizingInput, type SystemSize } from '../../../shared/solar/domain/system-sizing.ts';

const policy = DEFAULT_SOLAR_ESTIMATE_POLICY;
const MODULE_WATTS = policy.moduleWatts;
/** The regulator's 1 kW minimum in whole 550 W modules: two modules, 1,100 W. */
const MINIMUM_MODULES = Math.ceil(policy.systemSizeMinWatts / MODULE_WATTS);

const home = (overrides: Partial<SizingInput> = {}): SizingInput => ({
  annualConsumptionKilowattHours: 12_000,
  targetOffsetPercent: 80,
  specificYieldKilowattHoursPerKilowattPeak: 1_600,
  roofAreaSquareMeters: 100,
  ...overrides,
});

function sized(input: SizingInput, sizingPolicy = policy): SystemSize {
  const outcome = sizeSystem(input, sizingPolicy);
  if (outcome.kind !== 'sized') throw new Error(`expected a size, got ${outcome.kind}`);
  return outcome.size;
}

const anyInput = fc.record({
  annualConsumptionKilowattHours: fc.integer({ min: 0, max: 5_000_000 }),
  targetOffsetPercent: fc.integer({ min: 1, max: 100 }),
  specificYieldKilowattHoursPerKilowattPeak: fc.integer({ min: 0, max: 2_200 }),
  roofAreaSquareMeters: fc.integer({ min: 0, max: 20_000 }),
});

describe('sizing a system', () => {
  it('sizes to the target share of consumption, in whole modules, when nothing bounds it', () => {
    // 80 % of 12,000 kWh at 1,600 kWh/kWp is 6 kWp: 10.9 modules of 550 W, so 11.
    const size = sized(home());

    expect(size.limitedBy).toBe('TARGET');
    expect(size.moduleCount).toBe(Math.round((12_000 * 0.8) / 1_600 / 0.55));
    expect(size.recommendedWatts).toBe(size.moduleCount * MODULE_WATTS);
    expect(size.targetWatts).toBe(size.recommendedWatts);
  });

  it('raises a tiny target to the regulatory minimum, in whole modules', () => {
    const size = sized(home({ annualConsumptionKilowattHours: 100 }));

    expect(size.limitedBy).toBe('REGULATORY_MINIMUM');
    expect(size.moduleCount).toBe(MINIMUM_MODULES);
    expect(size.recommendedWatts).toBeGreaterThanOrEqual(policy.systemSizeMinWatts);
    expect(size.recommendedWatts - MODULE_WATTS).toBeLessThan(policy.systemSizeMinWatts);
    expect(size.targetWatts).toBeLessThan(size.recommendedWatts);
  });

  it('stops at what the roof holds at 7 m² per kWp, and names the roof', () => {
    // 70 m² hold 10 kWp: 18 whole modules; the target asks for about 91.
    const size = sized(home({ annualConsumptionKilowattHours: 100_000, roofAreaSquareMeters: 70 }));

    expect(size.roofCapacityWatts).toBe(10_000);
    expect(size.limitedBy).toBe('ROOF_AREA');
    expect(size.moduleCount).toBe(Math.floor(10_000 / MODULE_WATTS));
    expect(size.targetWatts).toBeGreaterThan(size.recommendedWatts);
  });

  it('stops at the regulatory maximum, and names it, when the roof would hold more', () => {
    const smallMaximum = { ...policy, systemSizeMaxWatts: 5_000 };

    const size = sized(home({ annualConsumptionKilowattHours: 100_000, roofAreaSquareMeters: 70 }), smallMaximum);

    expect(size.limitedBy).toBe('REGULATORY_MAXIMUM');
    expect(size.moduleCount).toBe(Math.floor(5_000 / MODULE_WATTS));
    expect(size.recommendedWatts).toBeLessThan(size.roofCapacityWatts);
  });

  it('stops at the 2 MW regulatory maximum for a vast roof and consumption', () => {
    const size = sized(home({ annualConsumptionKilowattHours: 10_000_000, roofAreaSquareMeters: 20_000 }));

    expect(size.limitedBy).toBe('REGULATORY_MAXIMUM');
    expect(size.recommendedWatts).toBe(Math.floor(policy.systemSizeMaxWatts / MODULE_WATTS) * MODULE_WATTS);
  });

  it('answers roof-too-small, with the roof capacity, when the roof cannot hold the minimum system', () => {
    // 7 m² hold 1,000 W: one module, below the two the minimum needs.
    expect(sizeSystem(home({ roofAreaSquareMeters: 7 }), policy)).toEqual({ kind: 'roof-too-small', roofCapacityWatts: 1_000 });
    // 8 m² hold 1,142 W: two modules, enough.
    expect(sized(home({ roofAreaSquareMeters: 8 })).moduleCount).toBeGreaterThanOrEqual(MINIMUM_MODULES);
  });

  it('always recommends whole modules, and a target in whole modules', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = sizeSystem(input, policy);
        if (outcome.kind !== 'sized') return;
        const { size } = outcome;
        expect(Number.isInteger(size.moduleCount)).toBe(true);
        expect(size.moduleWatts).toBe(MODULE_WATTS);
        expect(size.recommendedWatts).toBe(size.moduleCount * MODULE_WATTS);
        expect(size.targetWatts % MODULE_WATTS).toBe(0);
      }),
    );
  });

  it('never recommends more than the roof holds or the regulator allows, nor less than the minimum', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = sizeSystem(input, policy);
        const roofCapacityWatts = Math.floor((input.roofAreaSquareMeters * 1_000) / policy.roofSquareMetersPerKilowattPeak);
        expect(outcome.kind === 'sized' ? outcome.size.roofCapacityWatts : outcome.roofCapacityWatts).toBe(roofCapacityWatts);
        if (outcome.kind === 'roof-too-small') {
          expect(roofCapacityWatts).toBeLessThan(MINIMUM_MODULES * MODULE_WATTS);
          return;
        }
        expect(outcome.size.recommendedWatts).toBeLessThanOrEqual(roofCapacityWatts);
        expect(outcome.size.recommendedWatts).toBeLessThanOrEqual(policy.systemSizeMaxWatts);
        expect(outcome.size.recommendedWatts).toBeGreaterThanOrEqual(policy.systemSizeMinWatts);
      }),
    );
  });

  it('names the bound that decided the size', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = sizeSystem(input, policy);
        if (outcome.kind !== 'sized') return;
        const { size } = outcome;
        const roofWatts = Math.floor(size.roofCapacityWatts / MODULE_WATTS) * MODULE_WATTS;
        const regulatoryWatts = Math.floor(policy.systemSizeMaxWatts / MODULE_WATTS) * MODULE_WATTS;
        switch (size.limitedBy) {
          case 'TARGET':
            expect(size.recommendedWatts).toBe(size.targetWatts);
            break;
          case 'ROOF_AREA':
            expect(size.targetWatts).toBeGreaterThan(size.recommendedWatts);
            expect(size.recommendedWatts).toBe(roofWatts);
            expect(roofWatts).toBeLessThanOrEqual(regulatoryWatts);
            break;
          case 'REGULATORY_MAXIMUM':
            expect(size.targetWatts).toBeGreaterThan(size.recommendedWatts);
            expect(size.recommendedWatts).toBe(regulatoryWatts);
            expect(regulatoryWatts).toBeLessThan(roofWatts);
            break;
          case 'REGULATORY_MINIMUM':
            expect(size.targetWatts).toBeLessThan(size.recommendedWatts);
            expect(size.moduleCount).toBe(MINIMUM_MODULES);
            break;
        }
      }),
    );
  });
});

/**
 * docs/solar-model.md explains one anonymous Riyadh estimate line by line; this recomputes every figure that page
 * quotes, so the explanation cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultTiltDegrees, findCity } from '../../../shared/solar/domain/cities.ts';
import { estimateSolarSystem } from '../../../shared/solar/domain/estimate.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY } from '../../../shared/solar/domain/estimate-policy.ts';
import { simulatePvProduction } from '../../../shared/solar/domain/pv-model.ts';

const page = readFileSync(new URL('../../../docs/solar-model.md', import.meta.url), 'utf8');
const block = /<!-- worked-example -->\s*```json\n([\s\S]*?)```/.exec(page)?.[1];
const example = JSON.parse(block ?? 'null') as {
  request: { cityId: string; monthlyConsumptionKilowattHours: number[]; roofAreaSquareMeters: number };
  figures: Record<string, unknown>;
};

describe('the worked example in docs/solar-model.md', () => {
  it('quotes exactly what the estimate computes for its request', () => {
    const city = findCity(example.request.cityId)!;
    const tiltDegrees = defaultTiltDegrees(city.latitudeDegrees);
    const outcome = estimateSolarSystem({ ...example.request, city }, DEFAULT_SOLAR_ESTIMATE_POLICY);
    if (outcome.kind !== 'estimated') throw new Error('the worked example must be an estimate');
    const { system, production, consumption, savings, costRange, simplePaybackYears, co2AvoidedKilogramsPerYear } = outcome.figures;
    const reference = simulatePvProduction(city, { dcCapacityWatts: 1_000, tiltDegrees, azimuthDegrees: 180, shadingLossPercent: 3 });

    expect({
      tiltDegrees,
      referenceKilowattPeakAnnualKilowattHours: Math.round(reference.annualAcKilowattHours * 100) / 100,
      recommendedWatts: system.recommendedWatts,
      moduleCount: system.moduleCount,
      limitedBy: system.limitedBy,
      roofCapacityWatts: system.roofCapacityWatts,
      annualConsumptionKilowattHours: consumption.annualKilowattHours,
      annualKilowattHours: production.annualKilowattHours,
      specificYieldKilowattHoursPerKilowattPeak: production.specificYieldKilowattHoursPerKilowattPeak,
      januarySelfConsumedKilowattHours: savings.months[0]!.selfConsumedKilowattHours,
      januaryExportedKilowattHours: savings.months[0]!.exportedKilowattHours,
      januaryBillBeforeHalalas: savings.months[0]!.billBeforeHalalas,
      mayBillAfterHalalas: savings.months[4]!.billAfterHalalas,
      billBeforeHalalas: savings.billBeforeHalalas,
      billAfterHalalas: savings.billAfterHalalas,
      savingsHalalas: savings.savingsHalalas,
      unusedExportCreditHalalas: savings.unusedExportCreditHalalas,
      costLowHalalas: costRange.lowHalalas,
      costHighHalalas: costRange.highHalalas,
      simplePaybackYears,
      co2AvoidedKilogramsPerYear,
    }).toEqual(example.figures);
  });

  it('uses the same request as the README journey', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(JSON.stringify(example.request));
  });
});

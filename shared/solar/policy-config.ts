/** The calculator's policy in force: the solar context's defaults unless configuration overrides a value in range. */
import { PolicyReader } from '../kernel/config/policy-config.ts';
import type { Environment } from '../kernel/config/environment.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY, type SolarEstimatePolicy } from './domain/estimate-policy.ts';

export function loadSolarEstimatePolicy(environment: Environment = process.env): SolarEstimatePolicy {
  const read = new PolicyReader(environment);
  const defaults = DEFAULT_SOLAR_ESTIMATE_POLICY;
  const low = read.integer('solarPriceLowHalalasPerKilowattPeak', defaults.priceHalalasPerKilowattPeak.low);
  const high = read.integer('solarPriceHighHalalasPerKilowattPeak', defaults.priceHalalasPerKilowattPeak.high);
  const policy: SolarEstimatePolicy = {
    ...defaults,
    priceHalalasPerKilowattPeak: { low, high },
    exportCreditHalalasPerKilowattHour: read.integer('solarExportCreditHalalasPerKilowattHour', defaults.exportCreditHalalasPerKilowattHour),
    selfConsumptionBasisPoints: read.integer('solarSelfConsumptionBasisPoints', defaults.selfConsumptionBasisPoints),
  };
  if (read.problems.length === 0 && low > high) read.problems.push(`POLICY_SOLAR_PRICE_LOW_HALALAS_PER_KWP (${low}) must not exceed POLICY_SOLAR_PRICE_HIGH_HALALAS_PER_KWP (${high})`);
  read.done();
  return policy;
}

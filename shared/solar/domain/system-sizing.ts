/**
 * Sizing a system: enough modules to produce the target share of the home's annual consumption, no more than the
 * roof holds, within the regulator's range, in whole modules.
 */
import type { SolarEstimatePolicy } from './estimate-policy.ts';

export type SizeLimit = 'TARGET' | 'ROOF_AREA' | 'REGULATORY_MAXIMUM' | 'REGULATORY_MINIMUM';

export interface SystemSize {
  readonly recommendedWatts: number;
  readonly moduleCount: number;
  readonly moduleWatts: number;
  /** What decided the size: the target itself, or the bound that stopped it. */
  readonly limitedBy: SizeLimit;
  /** The size the target alone asks for, before any bound, in whole modules. */
  readonly targetWatts: number;
  /** The most the roof holds at the policy's m² per kWp. */
  readonly roofCapacityWatts: number;
}

export type SizingOutcome = { readonly kind: 'sized'; readonly size: SystemSize } | { readonly kind: 'roof-too-small'; readonly roofCapacityWatts: number };

export interface SizingInput {
  readonly annualConsumptionKilowattHours: number;
  readonly targetOffsetPercent: number;
  /** What one kWp produces in a year at this site and orientation. */
  readonly specificYieldKilowattHoursPerKilowattPeak: number;
  readonly roofAreaSquareMeters: number;
}

export function sizeSystem(
  input: SizingInput,
  policy: Pick<SolarEstimatePolicy, 'roofSquareMetersPerKilowattPeak' | 'systemSizeMinWatts' | 'systemSizeMaxWatts' | 'moduleWatts'>,
): SizingOutcome {
  const { moduleWatts } = policy;
  const roofCapacityWatts = Math.floor((input.roofAreaSquareMeters * 1_000) / policy.roofSquareMetersPerKilowattPeak);
  const targetKilowattHours = (input.annualConsumptionKilowattHours * input.targetOffsetPercent) / 100;
  const targetModules = input.specificYieldKilowattHoursPerKilowattPeak > 0 ? Math.round((targetKilowattHours / input.specificYieldKilowattHoursPerKilowattPeak) * (1_000 / moduleWatts)) : 0;
  const minimumModules = Math.ceil(policy.systemSizeMinWatts / moduleWatts);
  const roofModules = Math.floor(roofCapacityWatts / moduleWatts);
  const regulatoryModules = Math.floor(policy.systemSizeMaxWatts / moduleWatts);
  const ceilingModules = Math.min(roofModules, regulatoryModules);
  if (ceilingModules < minimumModules) return { kind: 'roof-too-small', roofCapacityWatts };

  let moduleCount = targetModules;
  let limitedBy: SizeLimit = 'TARGET';
  if (targetModules > ceilingModules) {
    moduleCount = ceilingModules;
    limitedBy = roofModules <= regulatoryModules ? 'ROOF_AREA' : 'REGULATORY_MAXIMUM';
  } else if (targetModules < minimumModules) {
    moduleCount = minimumModules;
    limitedBy = 'REGULATORY_MINIMUM';
  }
  return {
    kind: 'sized',
    size: { recommendedWatts: moduleCount * moduleWatts, moduleCount, moduleWatts, limitedBy, targetWatts: targetModules * moduleWatts, roofCapacityWatts },
  };
}

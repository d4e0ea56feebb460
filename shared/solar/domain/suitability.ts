/**
 * A solar suitability score from 0 to 100, with its reasons, for an imported electricity account
 * (docs/solar-model.md, "Suitability score"). Three components, each with a maximum:
 * - consumption (40): how much a home buys a year, and whether any month reaches the expensive tier;
 * - the city's yield (40): what one kWp produces there, between the weakest and strongest Saudi sites;
 * - roof adequacy (20): once an estimate exists, the share of the target size the roof allowed.
 * Without an estimate the roof is unknown, so the score is scaled over the two known components, and a reason says so.
 */
import type { TariffTier } from './estimate-policy.ts';
import type { EstimateSummary, MonthlyConsumption } from './electricity-account.ts';

export interface SuitabilityReason {
  readonly code: 'ANNUAL_CONSUMPTION' | 'UPPER_TARIFF_TIER' | 'CITY_SOLAR_YIELD' | 'ROOF_ADEQUACY' | 'ROOF_NOT_YET_ESTIMATED';
  readonly points: number;
  readonly maximumPoints: number;
  readonly detail: string;
}

export interface Suitability {
  readonly score: number;
  readonly reasons: readonly SuitabilityReason[];
}

/** Below this a year's bill is too small for a system to pay back well; at the upper figure, consumption is ideal. */
export const CONSUMPTION_POINTS_FROM_KILOWATT_HOURS = 6_000;
export const CONSUMPTION_POINTS_FULL_AT_KILOWATT_HOURS = 36_000;
/** Specific yields that bound the city scale: about the weakest coastal sites and Najran's 1,721 kWh/kWp (solar.md). */
export const YIELD_POINTS_FROM_KILOWATT_HOURS_PER_KILOWATT_PEAK = 1_450;
export const YIELD_POINTS_FULL_AT_KILOWATT_HOURS_PER_KILOWATT_PEAK = 1_750;

const CONSUMPTION_MAXIMUM_POINTS = 30;
const UPPER_TIER_MAXIMUM_POINTS = 10;
const YIELD_MAXIMUM_POINTS = 40;
const ROOF_MAXIMUM_POINTS = 20;

const scaled = (value: number, from: number, fullAt: number, maximumPoints: number): number => Math.round(Math.min(1, Math.max(0, (value - from) / (fullAt - from))) * maximumPoints);

export function suitabilityOf(input: {
  readonly months: readonly MonthlyConsumption[];
  readonly citySpecificYieldKilowattHoursPerKilowattPeak: number;
  readonly latestEstimate: EstimateSummary | undefined;
  readonly tariff: readonly TariffTier[];
}): Suitability {
  const annualKilowattHours = input.months.reduce((sum, month) => sum + month.consumptionKilowattHours, 0);
  const firstTierCeiling = input.tariff[0]?.upToKilowattHoursPerMonth ?? Number.POSITIVE_INFINITY;
  const upperTierMonths = input.months.filter((month) => month.consumptionKilowattHours > firstTierCeiling).length;
  const reasons: SuitabilityReason[] = [
    {
      code: 'ANNUAL_CONSUMPTION',
      points: scaled(annualKilowattHours, CONSUMPTION_POINTS_FROM_KILOWATT_HOURS, CONSUMPTION_POINTS_FULL_AT_KILOWATT_HOURS, CONSUMPTION_MAXIMUM_POINTS),
      maximumPoints: CONSUMPTION_MAXIMUM_POINTS,
      detail: `${annualKilowattHours} kWh a year`,
    },
    {
      code: 'UPPER_TARIFF_TIER',
      points: Math.round((Math.min(upperTierMonths, 4) / 4) * UPPER_TIER_MAXIMUM_POINTS),
      maximumPoints: UPPER_TIER_MAXIMUM_POINTS,
      detail: `${upperTierMonths} of 12 months above ${firstTierCeiling} kWh, where each kWh solar displaces is billed at the higher tier`,
    },
    {
      code: 'CITY_SOLAR_YIELD',
      points: scaled(input.citySpecificYieldKilowattHoursPerKilowattPeak, YIELD_POINTS_FROM_KILOWATT_HOURS_PER_KILOWATT_PEAK, YIELD_POINTS_FULL_AT_KILOWATT_HOURS_PER_KILOWATT_PEAK, YIELD_MAXIMUM_POINTS),
      maximumPoints: YIELD_MAXIMUM_POINTS,
      detail: `${Math.round(input.citySpecificYieldKilowattHoursPerKilowattPeak)} kWh per kWp a year at the city's default tilt, facing south`,
    },
  ];
  if (input.latestEstimate === undefined) {
    reasons.push({ code: 'ROOF_NOT_YET_ESTIMATED', points: 0, maximumPoints: 0, detail: 'No estimate from this account yet: the score is scaled over consumption and yield.' });
  } else {
    const { recommendedWatts, targetWatts } = input.latestEstimate;
    const share = targetWatts === 0 ? 1 : Math.min(1, recommendedWatts / targetWatts);
    reasons.push({
      code: 'ROOF_ADEQUACY',
      points: Math.round(share * ROOF_MAXIMUM_POINTS),
      maximumPoints: ROOF_MAXIMUM_POINTS,
      detail: `The roof allows ${recommendedWatts} W of the ${targetWatts} W the target asks for`,
    });
  }
  const points = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const maximumPoints = reasons.reduce((sum, reason) => sum + reason.maximumPoints, 0);
  return { score: Math.round((points / maximumPoints) * 100), reasons };
}

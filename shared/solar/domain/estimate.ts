/**
 * A solar estimate, pure: size, production, savings on the SEC bill, indicative cost, payback and CO₂ avoided, with
 * every assumption it used. Energy is whole kWh once it leaves the physical model; money is integer halalas.
 */
import { basisPointsOfHalalasRoundedHalfUp } from '../../kernel/money.ts';
import { defaultTiltDegrees, type SolarCity } from './cities.ts';
import { annualSavings, MONTHS_PER_YEAR, type AnnualSavings } from './electricity-bill.ts';
import type { SolarEstimatePolicy } from './estimate-policy.ts';
import { simulatePvProduction } from './pv-model.ts';
import { PV_MODEL_POLICY, type PvModelPolicy } from './pv-policy.ts';
import { sizeSystem, type SystemSize } from './system-sizing.ts';

export interface EstimateInput {
  readonly city: SolarCity;
  /** Whole kWh, January to December. */
  readonly monthlyConsumptionKilowattHours: readonly number[];
  readonly roofAreaSquareMeters: number;
  readonly tiltDegrees?: number;
  readonly azimuthDegrees?: number;
  readonly shadingLossPercent?: number;
  readonly targetOffsetPercent?: number;
}

export interface Assumption {
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly source: string;
}

export interface SolarEstimateFigures {
  readonly cityId: string;
  readonly system: SystemSize & { readonly tiltDegrees: number; readonly azimuthDegrees: number; readonly shadingLossPercent: number; readonly targetOffsetPercent: number; readonly roofAreaSquareMeters: number };
  readonly production: {
    readonly monthlyKilowattHours: readonly number[];
    readonly annualKilowattHours: number;
    readonly specificYieldKilowattHoursPerKilowattPeak: number;
  };
  readonly consumption: { readonly monthlyKilowattHours: readonly number[]; readonly annualKilowattHours: number };
  readonly savings: AnnualSavings;
  /** Indicative: contractors' quotes are the real price. VAT included. */
  readonly costRange: { readonly lowHalalas: number; readonly highHalalas: number };
  /** Cost over the first year's savings, for the low and high cost; null when the system saves nothing. */
  readonly simplePaybackYears: { readonly low: number; readonly high: number } | null;
  readonly co2AvoidedKilogramsPerYear: number;
  readonly assumptions: readonly Assumption[];
}

export type EstimateOutcome = { readonly kind: 'estimated'; readonly figures: SolarEstimateFigures } | { readonly kind: 'roof-too-small'; readonly roofCapacityWatts: number };

/** The shading component inside PVWatts' 14.08 % that a caller's own shading figure replaces. */
const DEFAULT_SHADING_LOSS_PERCENT = 3;
const REFERENCE_CAPACITY_WATTS = 1_000;

export function estimateSolarSystem(input: EstimateInput, policy: SolarEstimatePolicy, pvPolicy: PvModelPolicy = PV_MODEL_POLICY): EstimateOutcome {
  if (input.monthlyConsumptionKilowattHours.length !== MONTHS_PER_YEAR) throw new RangeError('12 months of consumption are required');
  // The caller's angles, shading and roof are taken to hundredths: finer figures mean nothing physically, and a
  // value such as 1e-170 would not even fit a DynamoDB number when a signed-in customer's estimate is stored.
  const tiltDegrees = toHundredths(input.tiltDegrees ?? defaultTiltDegrees(input.city.latitudeDegrees));
  const azimuthDegrees = toHundredths(input.azimuthDegrees ?? 180);
  const shadingLossPercent = toHundredths(input.shadingLossPercent ?? DEFAULT_SHADING_LOSS_PERCENT);
  const roofAreaSquareMeters = toHundredths(input.roofAreaSquareMeters);
  const targetOffsetPercent = input.targetOffsetPercent ?? policy.targetOffsetPercentDefault;
  const perKilowattPeak = simulatePvProduction(input.city, { dcCapacityWatts: REFERENCE_CAPACITY_WATTS, tiltDegrees, azimuthDegrees, shadingLossPercent }, pvPolicy);
  const annualConsumptionKilowattHours = sumOf(input.monthlyConsumptionKilowattHours);

  const sizing = sizeSystem(
    { annualConsumptionKilowattHours, targetOffsetPercent, specificYieldKilowattHoursPerKilowattPeak: perKilowattPeak.annualAcKilowattHours, roofAreaSquareMeters },
    policy,
  );
  if (sizing.kind === 'roof-too-small') return sizing;
  const { size } = sizing;

  const capacityKilowattPeak = size.recommendedWatts / 1_000;
  const monthlyKilowattHours = scaledMonthlyKilowattHours(perKilowattPeak, size.recommendedWatts);
  const annualKilowattHours = sumOf(monthlyKilowattHours);
  const savings = annualSavings(input.monthlyConsumptionKilowattHours, monthlyKilowattHours, policy);
  const costRange = { lowHalalas: systemPriceHalalas(size.recommendedWatts, policy.priceHalalasPerKilowattPeak.low, policy), highHalalas: systemPriceHalalas(size.recommendedWatts, policy.priceHalalasPerKilowattPeak.high, policy) };

  return {
    kind: 'estimated',
    figures: {
      cityId: input.city.cityId,
      system: { ...size, tiltDegrees, azimuthDegrees, shadingLossPercent, targetOffsetPercent, roofAreaSquareMeters },
      production: { monthlyKilowattHours, annualKilowattHours, specificYieldKilowattHoursPerKilowattPeak: Math.round(annualKilowattHours / capacityKilowattPeak) },
      consumption: { monthlyKilowattHours: [...input.monthlyConsumptionKilowattHours], annualKilowattHours: annualConsumptionKilowattHours },
      savings,
      costRange,
      simplePaybackYears: savings.savingsHalalas > 0 ? { low: paybackYears(costRange.lowHalalas, savings.savingsHalalas), high: paybackYears(costRange.highHalalas, savings.savingsHalalas) } : null,
      co2AvoidedKilogramsPerYear: Math.round((annualKilowattHours * policy.gridEmissionGramsCo2PerKilowattHour) / 1_000),
      assumptions: assumptionsOf(perKilowattPeak.systemLossPercent, policy, pvPolicy),
    },
  };
}

export interface SizedSystemFigures {
  readonly annualKilowattHours: number;
  readonly annualSavingsHalalas: number;
  /** Cost over the first year's saving, to one decimal; null when the system saves nothing. */
  readonly simplePaybackYears: number | null;
}

/**
 * What a system of a given size would produce and save for a home, facing south at the city's default tilt, by the
 * same model and bill rules as an estimate: how quotes of different sizes and prices are compared.
 */
export function sizedSystemFigures(
  input: { readonly city: SolarCity; readonly monthlyConsumptionKilowattHours: readonly number[]; readonly systemWatts: number; readonly priceHalalas: number },
  policy: SolarEstimatePolicy,
  pvPolicy: PvModelPolicy = PV_MODEL_POLICY,
): SizedSystemFigures {
  const perKilowattPeak = simulatePvProduction(
    input.city,
    { dcCapacityWatts: REFERENCE_CAPACITY_WATTS, tiltDegrees: defaultTiltDegrees(input.city.latitudeDegrees), azimuthDegrees: 180, shadingLossPercent: DEFAULT_SHADING_LOSS_PERCENT },
    pvPolicy,
  );
  const monthlyKilowattHours = scaledMonthlyKilowattHours(perKilowattPeak, input.systemWatts);
  const savings = annualSavings(input.monthlyConsumptionKilowattHours, monthlyKilowattHours, policy);
  return {
    annualKilowattHours: sumOf(monthlyKilowattHours),
    annualSavingsHalalas: savings.savingsHalalas,
    simplePaybackYears: savings.savingsHalalas > 0 ? paybackYears(input.priceHalalas, savings.savingsHalalas) : null,
  };
}

/** Watts × price per kWp, rounded half up to the halala, plus VAT. Both factors are integers well inside 2^53. */
export function systemPriceHalalas(watts: number, priceHalalasPerKilowattPeak: number, policy: Pick<SolarEstimatePolicy, 'vatBasisPoints'>): number {
  const beforeVatHalalas = Math.floor((watts * priceHalalasPerKilowattPeak + 500) / 1_000);
  return beforeVatHalalas + basisPointsOfHalalasRoundedHalfUp(beforeVatHalalas, policy.vatBasisPoints);
}

/** Years to one decimal: a ratio of two halala amounts, not money. */
function paybackYears(costHalalas: number, annualSavingsHalalas: number): number {
  return Math.round((costHalalas * 10) / annualSavingsHalalas) / 10;
}

function assumptionsOf(systemLossPercent: number, policy: SolarEstimatePolicy, pvPolicy: PvModelPolicy): Assumption[] {
  const tiers = policy.residentialTariff.map((tier) => `${tier.halalasPerKilowattHour} halalas/kWh${tier.upToKilowattHoursPerMonth === null ? ' above' : ` up to ${tier.upToKilowattHoursPerMonth} kWh`}`).join('; ');
  return [
    { name: 'model', value: 'PVWatts chain (pvlib functions), one representative day per month', unit: '', source: 'NREL PVWatts as implemented in pvlib; docs/solar-model.md' },
    { name: 'systemLoss', value: toHundredths(systemLossPercent), unit: '%', source: 'PVWatts default loss components; shading replaced by the caller\'s figure' },
    { name: 'temperatureCoefficient', value: pvPolicy.temperatureCoefficientPerDegreeCelsius, unit: '1/°C', source: 'PVWatts v8 standard module (NREL ssc)' },
    { name: 'inverterNominalEfficiency', value: pvPolicy.inverterNominalEfficiency, unit: '', source: 'PVWatts default' },
    { name: 'residentialTariff', value: tiers, unit: 'halalas/kWh', source: 'SEC residential tariff since 1 Jan 2018 (unverified since)' },
    { name: 'vat', value: policy.vatBasisPoints / 100, unit: '%', source: 'ZATCA, since 1 July 2020' },
    { name: 'selfConsumptionShare', value: policy.selfConsumptionBasisPoints / 100, unit: '%', source: 'assumption' },
    { name: 'exportCreditRate', value: policy.exportCreditHalalasPerKilowattHour, unit: 'halalas/kWh', source: 'assumption: net-billing export rate is unverified' },
    { name: 'roofAreaPerKilowattPeak', value: policy.roofSquareMetersPerKilowattPeak, unit: 'm²/kWp', source: 'regulator, Argaam 2021' },
    { name: 'systemSizeRange', value: `${policy.systemSizeMinWatts}–${policy.systemSizeMaxWatts}`, unit: 'W', source: 'net billing admits 1 kW to 2 MW per premises (ERD-TA-012)' },
    { name: 'targetOffsetDefault', value: policy.targetOffsetPercentDefault, unit: '% of annual consumption', source: 'assumption, used when the caller names no target' },
    { name: 'moduleRating', value: policy.moduleWatts, unit: 'W', source: 'assumption' },
    { name: 'priceRangePerKilowattPeakBeforeVat', value: `${policy.priceHalalasPerKilowattPeak.low}–${policy.priceHalalasPerKilowattPeak.high}`, unit: 'halalas/kWp', source: 'assumption, indicative: contractors\' quotes are the real price' },
    { name: 'gridEmissionFactor', value: policy.gridEmissionGramsCo2PerKilowattHour, unit: 'g CO₂/kWh', source: 'assumption, see docs/solar-model.md' },
  ];
}

const toHundredths = (value: number): number => Math.round(value * 100) / 100;
const sumOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0);

/**
 * Production is linear in capacity, so the reference kWp's months scale; each month is rounded to whole kWh, so the
 * year, their sum, is exactly the total of the months shown.
 */
function scaledMonthlyKilowattHours(perKilowattPeak: { readonly monthlyAcKilowattHours: readonly number[] }, watts: number): number[] {
  const capacityKilowattPeak = watts / 1_000;
  return perKilowattPeak.monthlyAcKilowattHours.map((value) => Math.round(value * capacityKilowattPeak));
}

/** What callers see of cities, estimates and electricity accounts. */
import { defaultTiltDegrees, SOLAR_CITIES } from '../domain/cities.ts';
import type { ElectricityAccountReading } from '../app/electricity-accounts.ts';
import type { EstimateResult } from '../app/estimates.ts';

/** The cities never change within a deployment, so the list is built once per container. */
let citiesView: Record<string, unknown> | undefined;

export function toCitiesView(): Record<string, unknown> {
  citiesView ??= {
    cities: SOLAR_CITIES.map((city) => ({
      cityId: city.cityId,
      nameEn: city.nameEn,
      nameAr: city.nameAr,
      latitudeDegrees: city.latitudeDegrees,
      longitudeDegrees: city.longitudeDegrees,
      elevationMeters: city.elevationMeters,
      defaultTiltDegrees: defaultTiltDegrees(city.latitudeDegrees),
      months: city.months.map((month) => ({
        month: month.month,
        representativeDate: month.representativeDate,
        ghiKilowattHoursPerSquareMeterPerDay: month.ghiKilowattHoursPerSquareMeterPerDay,
        meanAirTemperatureCelsius: month.meanAirTemperatureCelsius,
        clearSkyIndex: month.clearSkyIndex,
      })),
      annualGhiKilowattHoursPerSquareMeter: Math.round(city.months.reduce((sum, month) => sum + month.ghiKilowattHoursPerSquareMeterPerDay * month.daysInMonth, 0)),
      sources: city.sources,
    })),
  };
  return citiesView;
}

export function toEstimateView(estimate: EstimateResult): Record<string, unknown> {
  const { figures, financing } = estimate;
  return {
    estimateId: estimate.estimateId,
    createdAt: estimate.createdAt.toISOString(),
    cityId: figures.cityId,
    electricityAccountId: estimate.electricityAccountId,
    system: figures.system,
    production: figures.production,
    consumption: figures.consumption,
    savings: figures.savings,
    costRange: { ...figures.costRange, vatIncluded: true, indicative: true },
    simplePaybackYears: figures.simplePaybackYears,
    co2AvoidedKilogramsPerYear: figures.co2AvoidedKilogramsPerYear,
    financing: financing === undefined ? undefined : { ...financing, indicative: true },
    assumptions: figures.assumptions,
  };
}

export function toElectricityAccountView({ account, suitability }: ElectricityAccountReading): Record<string, unknown> {
  return {
    accountId: account.accountId,
    cityId: account.cityId,
    status: account.status,
    linkedAt: account.linkedAt.toISOString(),
    importedAt: account.importedAt?.toISOString(),
    failureReason: account.failureReason,
    months: account.months,
    annualConsumptionKilowattHours: account.months?.reduce((sum, month) => sum + month.consumptionKilowattHours, 0),
    suitability,
  };
}

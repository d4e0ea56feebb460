/**
 * The cities the solar model knows, with the synthetic climate of each month's representative day. The numbers come
 * from city-climate.generated.ts, which bin/solar/generate-city-climate.py writes with pvlib (docs/solar-model.md).
 */
import { CITY_CLIMATE } from './city-climate.generated.ts';
import { PV_MODEL_POLICY } from './pv-policy.ts';

export interface MonthlyClimate {
  /** 1..12 */
  readonly month: number;
  /** 'YYYY-MM-DD': Klein's average day of the month, in a fixed non-leap year. */
  readonly representativeDate: string;
  readonly daysInMonth: number;
  /** 24 values, the hours centred on local 00:30 … 23:30; each stands for its whole hour. */
  readonly hourlyGhiWattsPerSquareMeter: readonly number[];
  /** 24 values, as hourlyGhiWattsPerSquareMeter. */
  readonly hourlyAirTemperatureCelsius: readonly number[];
  /** The representative day's total. */
  readonly ghiKilowattHoursPerSquareMeterPerDay: number;
  readonly meanAirTemperatureCelsius: number;
  /** The fraction of pvlib's clear-sky GHI the day receives. */
  readonly clearSkyIndex: number;
}

export interface SolarCity {
  readonly cityId: string;
  readonly nameEn: string;
  readonly nameAr: string;
  readonly latitudeDegrees: number;
  readonly longitudeDegrees: number;
  readonly elevationMeters: number;
  /** Local time is UTC+3 all year (no daylight saving). */
  readonly utcOffsetHours: number;
  /** 12, January first. */
  readonly months: readonly MonthlyClimate[];
  readonly sources: { readonly coordinates: string; readonly irradiance: string; readonly temperature: string };
}

export const SOLAR_CITIES: readonly SolarCity[] = CITY_CLIMATE;

const CITIES_BY_ID: ReadonlyMap<string, SolarCity> = new Map(SOLAR_CITIES.map((city) => [city.cityId, city]));

export function findCity(cityId: string): SolarCity | undefined {
  return CITIES_BY_ID.get(cityId);
}

/**
 * The default south-facing tilt: of the Kingdom's three optimum-tilt zones (20°, 25°, 30°, PV_MODEL_POLICY), the one
 * nearest the latitude; a latitude exactly between two takes the lower.
 */
export function defaultTiltDegrees(latitudeDegrees: number): number {
  let best = Number.NaN;
  for (const option of PV_MODEL_POLICY.defaultTiltOptionsDegrees) {
    const distance = Math.abs(option - Math.abs(latitudeDegrees));
    const bestDistance = Math.abs(best - Math.abs(latitudeDegrees));
    if (Number.isNaN(best) || distance < bestDistance || (distance === bestDistance && option < best)) best = option;
  }
  return best;
}

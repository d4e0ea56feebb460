/**
 * The physical PV model: NREL's PVWatts chain as pvlib implements it, step for step (docs/solar-model.md), run over
 * each month's representative day of a city's synthetic climate. For every daylit hour:
 *
 * 1. sun position (solar-position.ts) and extraterrestrial normal irradiance (Spencer, as pvlib.irradiance.get_extra_radiation);
 * 2. GHI split into DNI and DHI with Erbs (pvlib.irradiance.erbs);
 * 3. plane-of-array irradiance: beam, Hay–Davies sky diffuse, isotropic ground reflection (pvlib.irradiance.haydavies,
 *    get_ground_diffuse, poa_components);
 * 4. the beam's angle-of-incidence loss, physical model (pvlib.iam.physical); diffuse light is taken as is;
 * 5. cell temperature, Ross with INOCT (pvlib.temperature.ross), from the whole plane-of-array irradiance;
 * 6. DC power (pvlib.pvsystem.pvwatts_dc), less the system losses (pvlib.pvsystem.pvwatts_losses);
 * 7. AC power through the PVWatts inverter (pvlib.inverter.pvwatts), clipped at the AC nameplate.
 *
 * test/unit/solar/pvlib-cross-check.test.ts holds this to pvlib itself, city by city and month by month.
 */
import type { SolarCity } from './cities.ts';
import { PV_MODEL_POLICY, type PvModelPolicy } from './pv-policy.ts';
import { dayOfYearUt, julianDay, solarPosition } from './solar-position.ts';

export interface PvSystem {
  readonly dcCapacityWatts: number;
  /** 0..90 */
  readonly tiltDegrees: number;
  /** 0..359, clockwise from north: 180 = south (PVWatts' convention; PVGIS' aspect 0 is south). */
  readonly azimuthDegrees: number;
  /** 0..80; replaces the policy's shading component (3 %) in the combined losses. */
  readonly shadingLossPercent?: number;
}

export interface PvProduction {
  /** 12, January first, unrounded. */
  readonly monthlyAcKilowattHours: readonly number[];
  readonly annualAcKilowattHours: number;
  /** The combined losses used, in percent (14.08 with the policy's components). */
  readonly systemLossPercent: number;
}

const DEGREES = Math.PI / 180;
const SOLAR_CONSTANT_WATTS_PER_SQUARE_METER = 1366.1;
/** pvlib.irradiance.erbs: the lowest cos(zenith) of the clearness index, and the zenith past which DNI is 0. */
const ERBS_MIN_COS_ZENITH = 0.065;
const ERBS_MAX_ZENITH_COS = Math.cos(87 * DEGREES);
/** pvlib.irradiance.haydavies: the lowest cos(zenith) of the beam projection ratio (GH 432). */
const HAY_DAVIES_MIN_COS_ZENITH = 0.01745;

/**
 * What the model needs of a city's daylit hours, computed once per city: the sun's direction, and the Erbs
 * split of GHI, which depend on neither the system nor the policy. Parallel arrays over the daylit hours of all
 * 12 representative days, month after month.
 */
interface CityHours {
  readonly monthStart: Int32Array; // 13 entries: month m's hours are [monthStart[m], monthStart[m + 1])
  readonly daysInMonth: Float64Array;
  readonly ghi: Float64Array;
  readonly airTemperature: Float64Array;
  readonly cosZenith: Float64Array;
  readonly sunEast: Float64Array; // sin(zenith)·sin(solar azimuth)
  readonly sunNorth: Float64Array; // sin(zenith)·cos(solar azimuth)
  readonly dni: Float64Array;
  readonly dhi: Float64Array;
  readonly dniExtra: Float64Array;
}

const CITY_HOURS = new WeakMap<SolarCity, CityHours>();

/** Spencer's (1971) Earth–Sun distance factor times the solar constant, as pvlib's get_extra_radiation. */
export function extraterrestrialNormalIrradiance(dayOfYear: number): number {
  const b = ((2 * Math.PI) / 365) * (dayOfYear - 1);
  return (
    SOLAR_CONSTANT_WATTS_PER_SQUARE_METER *
    (1.00011 + 0.034221 * Math.cos(b) + 0.00128 * Math.sin(b) + 0.000719 * Math.cos(2 * b) + 7.7e-5 * Math.sin(2 * b))
  );
}

/** Erbs et al. (1982): the diffuse fraction of GHI from the clearness index, as pvlib.irradiance.erbs. */
function erbsDiffuseFraction(clearnessIndex: number): number {
  if (clearnessIndex <= 0.22) return 1 - 0.09 * clearnessIndex;
  if (clearnessIndex <= 0.8) {
    const kt = clearnessIndex;
    return 0.9511 - 0.1604 * kt + 4.388 * kt ** 2 - 16.638 * kt ** 3 + 12.336 * kt ** 4;
  }
  return 0.165;
}

function cityHoursOf(city: SolarCity): CityHours {
  const cached = CITY_HOURS.get(city);
  if (cached !== undefined) return cached;

  const daylit: { ghi: number; air: number; cosZ: number; east: number; north: number; dni: number; dhi: number; extra: number }[] = [];
  const monthStart = new Int32Array(13);
  const daysInMonth = new Float64Array(12);
  city.months.forEach((month, index) => {
    monthStart[index] = daylit.length;
    daysInMonth[index] = month.daysInMonth;
    const [year = 0, monthOfYear = 0, day = 0] = month.representativeDate.split('-').map(Number);
    month.hourlyGhiWattsPerSquareMeter.forEach((ghi, hour) => {
      if (!(ghi > 0)) return;
      const jd = julianDay(year, monthOfYear, day, hour + 0.5 - city.utcOffsetHours);
      const sun = solarPosition(city.latitudeDegrees, city.longitudeDegrees, jd);
      const zenith = sun.zenithDegrees * DEGREES;
      const azimuth = sun.azimuthDegrees * DEGREES;
      const cosZ = Math.cos(zenith);
      const extra = extraterrestrialNormalIrradiance(dayOfYearUt(jd, year));
      const clearnessIndex = Math.min(Math.max(ghi / (extra * Math.max(cosZ, ERBS_MIN_COS_ZENITH)), 0), 1);
      let dhi = erbsDiffuseFraction(clearnessIndex) * ghi;
      let dni = (ghi - dhi) / cosZ;
      if (cosZ < ERBS_MAX_ZENITH_COS || dni < 0) {
        dni = 0;
        dhi = ghi;
      }
      daylit.push({
        ghi,
        air: month.hourlyAirTemperatureCelsius[hour] ?? Number.NaN,
        cosZ,
        east: Math.sin(zenith) * Math.sin(azimuth),
        north: Math.sin(zenith) * Math.cos(azimuth),
        dni,
        dhi,
        extra,
      });
    });
  });
  monthStart[12] = daylit.length;
  const column = (pick: (hour: (typeof daylit)[number]) => number): Float64Array => Float64Array.from(daylit, pick);
  const hours: CityHours = {
    monthStart,
    daysInMonth,
    ghi: column((h) => h.ghi),
    airTemperature: column((h) => h.air),
    cosZenith: column((h) => h.cosZ),
    sunEast: column((h) => h.east),
    sunNorth: column((h) => h.north),
    dni: column((h) => h.dni),
    dhi: column((h) => h.dhi),
    dniExtra: column((h) => h.extra),
  };
  CITY_HOURS.set(city, hours);
  return hours;
}

/** pvlib.pvsystem.pvwatts_losses over the policy's components, `shadingLossPercent` replacing its shading. */
export function systemLossPercent(policy: PvModelPolicy, shadingLossPercent?: number): number {
  const losses = policy.lossesPercent;
  const components = [
    losses.soiling,
    shadingLossPercent ?? losses.shading,
    losses.mismatch,
    losses.wiring,
    losses.connections,
    losses.lightInducedDegradation,
    losses.nameplateRating,
    losses.availability,
  ];
  let performance = 1;
  for (const component of components) performance *= 1 - component / 100;
  return (1 - performance) * 100;
}

/**
 * pvlib.iam.physical for uncoated glass, from cos(angle of incidence): the mean of the s- and p-polarised
 * transmittances through the air–glass interface and absorption in the glass, relative to normal incidence.
 */
function physicalIam(cosIncidence: number, refractiveIndex: number, extinctionThickness: number, normalTransmittance: number): number {
  if (cosIncidence <= 0) return 0;
  const sinIncidence = Math.sqrt(1 - cosIncidence * cosIncidence);
  const sinRefraction = sinIncidence / refractiveIndex;
  const cosRefraction = Math.sqrt(1 - sinRefraction * sinRefraction);
  const n2CosIncidence = refractiveIndex * cosIncidence;
  const n2CosRefraction = refractiveIndex * cosRefraction;
  const reflectanceS = ((cosIncidence - n2CosRefraction) / (cosIncidence + n2CosRefraction)) ** 2;
  const reflectanceP = ((cosRefraction - n2CosIncidence) / (cosRefraction + n2CosIncidence)) ** 2;
  const absorption = Math.exp(-extinctionThickness / cosRefraction);
  return ((2 - reflectanceS - reflectanceP) * absorption) / 2 / normalTransmittance;
}

/**
 * The AC energy of `system` in `city`, month by month: each representative day's hourly AC energy (Wh), summed,
 * times the days of its month. Pure and allocation-light: the city's sun and Erbs split are computed on its first
 * use and kept; a call then runs only the system-dependent steps over the daylit hours.
 */
export function simulatePvProduction(city: SolarCity, system: PvSystem, policy: PvModelPolicy = PV_MODEL_POLICY): PvProduction {
  const hours = cityHoursOf(city);
  const tilt = system.tiltDegrees * DEGREES;
  const surfaceAzimuth = system.azimuthDegrees * DEGREES;
  const cosTilt = Math.cos(tilt);
  const sinTilt = Math.sin(tilt);
  // The plane's normal; cos(aoi) = normal · sun, which is aoi_projection's formula expanded.
  const normalEast = sinTilt * Math.sin(surfaceAzimuth);
  const normalNorth = sinTilt * Math.cos(surfaceAzimuth);
  const skyViewFactor = (1 + cosTilt) / 2;
  const groundReflectionFactor = (policy.groundAlbedo * (1 - cosTilt)) / 2;

  const { refractiveIndex, glazingExtinctionPerMeter, glazingThicknessMeters } = policy.incidenceAngleModifier;
  const extinctionThickness = glazingExtinctionPerMeter * glazingThicknessMeters;
  const normalReflectance = ((1 - refractiveIndex) / (1 + refractiveIndex)) ** 2;
  const normalTransmittance = (1 - normalReflectance) * Math.exp(-extinctionThickness);

  const cellHeatingPerIrradiance = (policy.installedNominalOperatingCellTemperatureCelsius - 20) / 800;
  const gamma = policy.temperatureCoefficientPerDegreeCelsius;
  const referenceCellTemperature = policy.referenceCellTemperatureCelsius;
  const lossPercent = systemLossPercent(policy, system.shadingLossPercent);
  const dcPerIrradiance = (system.dcCapacityWatts / 1000) * (1 - lossPercent / 100);

  const acNameplate = system.dcCapacityWatts / policy.dcAcRatio;
  const inverterDcNameplate = acNameplate / policy.inverterNominalEfficiency;
  const efficiencyScale = policy.inverterNominalEfficiency / policy.inverterReferenceEfficiency;

  const monthly: number[] = [];
  let annual = 0;
  for (let month = 0; month < 12; month += 1) {
    let dayWattHours = 0;
    const end = hours.monthStart[month + 1] ?? 0;
    for (let i = hours.monthStart[month] ?? 0; i < end; i += 1) {
      const cosZenith = hours.cosZenith[i] ?? 0;
      const ghi = hours.ghi[i] ?? 0;
      const dni = hours.dni[i] ?? 0;
      const dhi = hours.dhi[i] ?? 0;
      const cosIncidence = Math.min(
        1,
        Math.max(-1, cosTilt * cosZenith + normalEast * (hours.sunEast[i] ?? 0) + normalNorth * (hours.sunNorth[i] ?? 0)),
      );
      const beam = Math.max(dni * cosIncidence, 0);
      const beamRatio = Math.max(cosIncidence, 0) / Math.max(cosZenith, HAY_DAVIES_MIN_COS_ZENITH);
      const anisotropy = dni / (hours.dniExtra[i] ?? 1);
      const skyDiffuse = Math.max(dhi * (1 - anisotropy) * skyViewFactor, 0) + Math.max(dhi * anisotropy * beamRatio, 0);
      const diffuse = skyDiffuse + ghi * groundReflectionFactor;
      const planeOfArray = beam + diffuse;
      const effective = beam * physicalIam(cosIncidence, refractiveIndex, extinctionThickness, normalTransmittance) + diffuse;

      const cellTemperature = (hours.airTemperature[i] ?? 0) + cellHeatingPerIrradiance * planeOfArray;
      const dc = effective * dcPerIrradiance * (1 + gamma * (cellTemperature - referenceCellTemperature));
      if (dc === 0) continue;
      const loadFraction = dc / inverterDcNameplate;
      const efficiency = efficiencyScale * (-0.0162 * loadFraction - 0.0059 / loadFraction + 0.9858);
      dayWattHours += Math.max(0, Math.min(acNameplate, efficiency * dc));
    }
    const monthKilowattHours = (dayWattHours * (hours.daysInMonth[month] ?? 0)) / 1000;
    monthly.push(monthKilowattHours);
    annual += monthKilowattHours;
  }
  return { monthlyAcKilowattHours: monthly, annualAcKilowattHours: annual, systemLossPercent: lossPercent };
}

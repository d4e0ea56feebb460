import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTiltDegrees, findCity, SOLAR_CITIES, type SolarCity } from '../../../shared/solar/domain/cities.ts';
import { CITY_IDS } from '../../../shared/solar/domain/city-ids.ts';
import { simulatePvProduction, systemLossPercent, type PvSystem } from '../../../shared/solar/domain/pv-model.ts';
import { PV_MODEL_POLICY } from '../../../shared/solar/domain/pv-policy.ts';
import { julianDay, solarPosition } from '../../../shared/solar/domain/solar-position.ts';

function city(cityId: string): SolarCity {
  const found = findCity(cityId);
  if (found === undefined) throw new Error(`no city ${cityId}`);
  return found;
}

const riyadh = city('riyadh');
const southFacing = (dcCapacityWatts: number, tiltDegrees = 25): PvSystem => ({ dcCapacityWatts, tiltDegrees, azimuthDegrees: 180 });
const anyCity = fc.constantFrom(...SOLAR_CITIES);
const anySystem = fc.record({
  dcCapacityWatts: fc.integer({ min: 500, max: 30_000 }),
  tiltDegrees: fc.integer({ min: 0, max: 90 }),
  azimuthDegrees: fc.integer({ min: 0, max: 359 }),
});

describe('the cities of the solar model', () => {
  it('are the fifteen cities, with kebab-case ids usable as a zod enum, declared apart exactly as generated', () => {
    expect(CITY_IDS).toEqual([
      'riyadh', 'makkah', 'madinah', 'jeddah', 'dammam', 'al-ahsa', 'buraidah', 'abha', 'tabuk', 'hail', 'jazan', 'najran', 'sakaka', 'al-baha', 'arar',
    ]);
    expect(SOLAR_CITIES.map((city) => city.cityId)).toEqual([...CITY_IDS]);
    expect(findCity('al-ahsa')?.nameEn).toBe('Al-Ahsa (Hofuf)');
    expect(findCity('atlantis')).toBeUndefined();
  });

  it('each hold twelve representative days of 24 hours, whose totals are the sums of their hours', () => {
    for (const solarCity of SOLAR_CITIES) {
      expect(solarCity.months.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(solarCity.utcOffsetHours).toBe(3);
      for (const month of solarCity.months) {
        expect(month.hourlyGhiWattsPerSquareMeter).toHaveLength(24);
        expect(month.hourlyAirTemperatureCelsius).toHaveLength(24);
        const total = month.hourlyGhiWattsPerSquareMeter.reduce((sum, ghi) => sum + ghi, 0) / 1000;
        // The total is rounded to 0.001 kWh/m² from hourly values rounded to 0.1 W/m².
        expect(Math.abs(month.ghiKilowattHoursPerSquareMeterPerDay - total)).toBeLessThan(0.0011);
        expect(month.daysInMonth).toBe(new Date(Date.UTC(2025, month.month, 0)).getUTCDate());
      }
    }
  });
});

describe('the default tilt', () => {
  it('is the optimum-tilt zone (20°, 25° or 30°) nearest the latitude', () => {
    expect(defaultTiltDegrees(city('jazan').latitudeDegrees)).toBe(20);
    expect(defaultTiltDegrees(riyadh.latitudeDegrees)).toBe(25);
    expect(defaultTiltDegrees(city('arar').latitudeDegrees)).toBe(30);
    expect(defaultTiltDegrees(5)).toBe(20);
    expect(defaultTiltDegrees(40)).toBe(30);
  });

  it('takes the lower zone for a latitude exactly between two', () => {
    expect(defaultTiltDegrees(22.5)).toBe(20);
    expect(defaultTiltDegrees(27.5)).toBe(25);
  });
});

describe('the sun position', () => {
  it.each([
    ['the June solstice', [2025, 6, 21], 23.44],
    ['the December solstice', [2025, 12, 21], -23.44],
  ] as const)('puts the sun due south in Riyadh at solar noon on %s, the latitude minus the declination from the zenith', (_when, date, declinationDegrees) => {
    // Act: the highest sun of the day, minute by minute (UT).
    const [year, month, day] = date;
    let noon = { minuteUt: 0, zenithDegrees: 180, azimuthDegrees: 0 };
    for (let minuteUt = 0; minuteUt < 1440; minuteUt += 1) {
      const sun = solarPosition(riyadh.latitudeDegrees, riyadh.longitudeDegrees, julianDay(year, month, day, minuteUt / 60));
      if (sun.zenithDegrees < noon.zenithDegrees) noon = { minuteUt, ...sun };
    }

    // Assert: local solar noon is near 11:55 (08:55 UT: 46.7° E is 6.7 minutes ahead of UTC+3's meridian).
    expect(noon.zenithDegrees).toBeCloseTo(riyadh.latitudeDegrees - declinationDegrees, 1);
    expect(noon.azimuthDegrees).toBeCloseTo(180, -1);
    expect(Math.abs(noon.minuteUt - (8 * 60 + 55))).toBeLessThanOrEqual(10);
  });
});

describe('simulating a PV system', () => {
  it('scales linearly with the DC capacity', () => {
    fc.assert(
      fc.property(anyCity, anySystem, fc.double({ min: 0.1, max: 20, noNaN: true }), (solarCity, system, factor) => {
        const base = simulatePvProduction(solarCity, system);
        const scaled = simulatePvProduction(solarCity, { ...system, dcCapacityWatts: system.dcCapacityWatts * factor });
        scaled.monthlyAcKilowattHours.forEach((kilowattHours, month) => {
          expect(kilowattHours).toBeCloseTo((base.monthlyAcKilowattHours[month] ?? Number.NaN) * factor, 6);
        });
      }),
    );
  });

  it('produces nothing at night: the night hours weigh nothing, whatever their temperature', () => {
    // Arrange: the same city with its night hours made absurdly hot and its daylit hours unchanged.
    const hotNights: SolarCity = {
      ...riyadh,
      months: riyadh.months.map((month) => ({
        ...month,
        hourlyAirTemperatureCelsius: month.hourlyAirTemperatureCelsius.map((celsius, hour) => (month.hourlyGhiWattsPerSquareMeter[hour] === 0 ? 200 : celsius)),
      })),
    };
    const dark: SolarCity = { ...riyadh, months: riyadh.months.map((month) => ({ ...month, hourlyGhiWattsPerSquareMeter: month.hourlyGhiWattsPerSquareMeter.map(() => 0) })) };

    // Act and assert
    expect(simulatePvProduction(hotNights, southFacing(5_000)).monthlyAcKilowattHours).toEqual(simulatePvProduction(riyadh, southFacing(5_000)).monthlyAcKilowattHours);
    expect(simulatePvProduction(dark, southFacing(5_000)).annualAcKilowattHours).toBe(0);
  });

  it('produces more in Riyadh facing south (azimuth 180) than facing north (azimuth 0)', () => {
    const south = simulatePvProduction(riyadh, { dcCapacityWatts: 5_000, tiltDegrees: 25, azimuthDegrees: 180 });
    const north = simulatePvProduction(riyadh, { dcCapacityWatts: 5_000, tiltDegrees: 25, azimuthDegrees: 0 });

    expect(south.annualAcKilowattHours).toBeGreaterThan(north.annualAcKilowattHours * 1.15);
  });

  it('adds up its months to the year, and never produces a negative month', () => {
    fc.assert(
      fc.property(anyCity, anySystem, (solarCity, system) => {
        const production = simulatePvProduction(solarCity, system);
        expect(production.monthlyAcKilowattHours).toHaveLength(12);
        expect(production.monthlyAcKilowattHours.every((kilowattHours) => kilowattHours >= 0)).toBe(true);
        expect(production.monthlyAcKilowattHours.reduce((sum, kilowattHours) => sum + kilowattHours, 0)).toBeCloseTo(production.annualAcKilowattHours, 9);
      }),
    );
  });

  it("uses PVWatts' default losses, 14.08 %, when the system gives no shading of its own", () => {
    expect(simulatePvProduction(riyadh, southFacing(1_000)).systemLossPercent).toBeCloseTo(14.08, 2);
  });

  it("replaces the policy's 3 % shading with the system's own shading loss", () => {
    const withoutOwnShading = simulatePvProduction(riyadh, southFacing(1_000));
    const withThreePercent = simulatePvProduction(riyadh, { ...southFacing(1_000), shadingLossPercent: 3 });
    const unshaded = simulatePvProduction(riyadh, { ...southFacing(1_000), shadingLossPercent: 0 });

    expect(withThreePercent).toEqual(withoutOwnShading);
    expect(unshaded.systemLossPercent).toBeCloseTo(100 * (1 - (1 - withoutOwnShading.systemLossPercent / 100) / 0.97), 9);
    expect(unshaded.annualAcKilowattHours).toBeGreaterThan(withoutOwnShading.annualAcKilowattHours);
  });

  it('produces less the more the system is shaded', () => {
    fc.assert(
      fc.property(anyCity, anySystem, fc.double({ min: 0, max: 80, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (solarCity, system, shading, more) => {
        const less = simulatePvProduction(solarCity, { ...system, shadingLossPercent: shading });
        const moreShaded = simulatePvProduction(solarCity, { ...system, shadingLossPercent: Math.min(80, shading + more) });
        expect(moreShaded.annualAcKilowattHours).toBeLessThanOrEqual(less.annualAcKilowattHours);
      }),
    );
  });

  it('reproduces the calibration: Najran yields about 1,721 kWh/kWp a year with the default system (solar.md)', () => {
    const najran = city('najran');

    const production = simulatePvProduction(najran, southFacing(1_000, defaultTiltDegrees(najran.latitudeDegrees)));

    expect(production.annualAcKilowattHours).toBeGreaterThan(1_721 * 0.97);
    expect(production.annualAcKilowattHours).toBeLessThan(1_721 * 1.03);
  });

  it('clips at the inverter: never more AC power in an hour than the AC nameplate, DC capacity over the DC/AC ratio', () => {
    // Arrange: a DC/AC ratio so high that the inverter clips around noon.
    const policy = { ...PV_MODEL_POLICY, dcAcRatio: 3 };
    const unclipped = simulatePvProduction(riyadh, southFacing(1_000));

    // Act
    const clipped = simulatePvProduction(riyadh, southFacing(1_000), policy);

    // Assert: at most 1000/3 W in each of a day's hours.
    clipped.monthlyAcKilowattHours.forEach((kilowattHours, month) => {
      const daylitHours = riyadh.months[month]?.hourlyGhiWattsPerSquareMeter.filter((ghi) => ghi > 0).length ?? 0;
      expect(kilowattHours).toBeLessThanOrEqual(((1_000 / 3) * daylitHours * (riyadh.months[month]?.daysInMonth ?? 0)) / 1000);
    });
    expect(clipped.annualAcKilowattHours).toBeLessThan(unclipped.annualAcKilowattHours);
  });

  it('answers in well under a millisecond, as it runs per HTTP request', () => {
    const started = performance.now();
    for (let call = 0; call < 1_000; call += 1) simulatePvProduction(SOLAR_CITIES[call % SOLAR_CITIES.length] ?? riyadh, southFacing(5_000 + call));
    // About 5 µs a call on a 2-core runner; the bound leaves room for a busy machine.
    expect((performance.now() - started) / 1_000).toBeLessThan(1);
  });

  it('computes the combined loss multiplicatively, as pvlib.pvsystem.pvwatts_losses', () => {
    expect(systemLossPercent(PV_MODEL_POLICY)).toBeCloseTo(100 * (1 - 0.98 * 0.97 * 0.98 * 0.98 * 0.995 * 0.985 * 0.99 * 0.97), 12);
  });
});

/**
 * The sun's position for the PV model: NOAA's solar position algorithm (after Meeus, "Astronomical Algorithms"),
 * accurate to about 0.01° between 1900 and 2100, which is plenty for hourly energy (pvlib's SPA, which the
 * cross-check uses, agrees to that). Angles are in degrees; the zenith is geometric (no refraction correction); the
 * azimuth is measured clockwise from north, so 180 is south, the convention of pvlib and PVWatts.
 */

const DEGREES = Math.PI / 180;

export interface SolarPosition {
  readonly zenithDegrees: number;
  readonly azimuthDegrees: number;
}

/** The Julian day of a UT instant: `hoursUt` hours after midnight UT of the Gregorian date. */
export function julianDay(year: number, month: number, day: number, hoursUt: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const shiftedMonth = month <= 2 ? month + 12 : month;
  const century = Math.floor(shiftedYear / 100);
  const gregorianCorrection = 2 - century + Math.floor(century / 4);
  return (
    Math.floor(365.25 * (shiftedYear + 4716)) + Math.floor(30.6001 * (shiftedMonth + 1)) + day + gregorianCorrection - 1524.5 + hoursUt / 24
  );
}

/** The day of the year (1 = 1 January of `year`) of the UT date of a Julian day, as pvlib takes it from a timestamp. */
export function dayOfYearUt(julianDayUt: number, year: number): number {
  return Math.floor(julianDayUt + 0.5) - Math.floor(julianDay(year, 1, 1, 0) + 0.5) + 1;
}

export function solarPosition(latitudeDegrees: number, longitudeDegrees: number, julianDayUt: number): SolarPosition {
  const t = (julianDayUt - 2451545) / 36525;
  const meanLongitude = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
  const meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const m = meanAnomaly * DEGREES;
  const equationOfCentre =
    Math.sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m) * (0.019993 - 0.000101 * t) + Math.sin(3 * m) * 0.000289;
  const omega = (125.04 - 1934.136 * t) * DEGREES;
  const apparentLongitude = (meanLongitude + equationOfCentre - 0.00569 - 0.00478 * Math.sin(omega)) * DEGREES;
  const meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = (meanObliquity + 0.00256 * Math.cos(omega)) * DEGREES;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLongitude));

  const y = Math.tan(obliquity / 2) ** 2;
  const l0 = meanLongitude * DEGREES;
  const equationOfTimeMinutes =
    (4 / DEGREES) *
    (y * Math.sin(2 * l0) -
      2 * eccentricity * Math.sin(m) +
      4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) -
      0.5 * y * y * Math.sin(4 * l0) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * m));

  const minutesUt = (julianDayUt + 0.5 - Math.floor(julianDayUt + 0.5)) * 1440;
  const trueSolarMinutes = minutesUt + equationOfTimeMinutes + 4 * longitudeDegrees;
  const hourAngle = (trueSolarMinutes / 4 - 180) * DEGREES;

  const latitude = latitudeDegrees * DEGREES;
  const cosZenith = Math.sin(latitude) * Math.sin(declination) + Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngle);
  const zenith = Math.acos(Math.min(1, Math.max(-1, cosZenith)));
  const azimuth = Math.atan2(Math.sin(hourAngle), Math.cos(hourAngle) * Math.sin(latitude) - Math.tan(declination) * Math.cos(latitude));
  return { zenithDegrees: zenith / DEGREES, azimuthDegrees: ((azimuth / DEGREES + 180) % 360 + 360) % 360 };
}

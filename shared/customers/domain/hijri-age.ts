/**
 * Age in completed Hijri years in the Umm al-Qura calendar, as SAMA's minimum age is set in Hijri years.
 * Calendar dates are taken in Asia/Riyadh.
 */
/**
 * Made on first use, not when the module loads: building it loads ICU's calendar and time-zone data, several MB of
 * memory that every function importing this module would otherwise carry at cold start, needed or not.
 */
let ummAlQura: Intl.DateTimeFormat | undefined;
const ummAlQuraFormat = (): Intl.DateTimeFormat =>
  (ummAlQura ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'Asia/Riyadh',
  }));

export interface HijriDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function toHijriDate(instant: Date): HijriDate {
  const parts = Object.fromEntries(ummAlQuraFormat().formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number.parseInt(parts.year ?? '', 10), month: Number(parts.month), day: Number(parts.day) };
}

/** A Gregorian calendar date (YYYY-MM-DD) as the instant of noon in Riyadh, safely inside that day. */
export function riyadhCalendarDateToInstant(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+03:00`);
}

export function hijriAgeInYears(dateOfBirth: string, today: Date): number {
  const birth = toHijriDate(riyadhCalendarDateToInstant(dateOfBirth));
  const now = toHijriDate(today);
  const hadBirthdayThisYear = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

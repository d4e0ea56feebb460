/**
 * Calendar dates ('YYYY-MM-DD') in Riyadh. Due dates are calendar dates in Asia/Riyadh (UTC+3, no daylight saving),
 * so once an instant has been turned into a Riyadh date, all arithmetic is on year, month and day integers and no
 * time zone is involved again.
 */

/**
 * Four-digit years, as the format allows. The lower bound also keeps clear of Date.UTC, which reads years 0-99
 * as 1900-1999.
 */
export const CALENDAR_YEAR_MIN = 1000;
export const CALENDAR_YEAR_MAX = 9999;

const MONTHS_PER_YEAR = 12;
const MILLISECONDS_PER_DAY = 86_400_000;
const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH_COMMON_YEAR = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const FEBRUARY = 2;

/**
 * Riyadh has kept UTC+3 without daylight saving since 14 March 1947 (the tz database's Asia/Riyadh; local mean time,
 * +03:06:52, before), so its calendar date is the UTC date three hours later. Arithmetic rather than an
 * Intl.DateTimeFormat in that time zone: building one loads ICU's time-zone data, about 5.5 MB of every function's
 * memory at cold start (npm run bench). A unit test checks the two agree for any instant from 1950 to 2200.
 */
const RIYADH_UTC_OFFSET_MILLISECONDS = 3 * 60 * 60 * 1000;
/** 1947-03-14 00:00 local mean time, when Riyadh took UTC+3. */
export const RIYADH_FIXED_OFFSET_SINCE = new Date(Date.UTC(1947, 2, 13, 20, 53, 8));

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export class InvalidCalendarDateError extends RangeError {
  constructor(
    readonly valueName: string,
    readonly value: unknown,
  ) {
    super(`${valueName} must be a real calendar date YYYY-MM-DD between years ${CALENDAR_YEAR_MIN} and ${CALENDAR_YEAR_MAX}, got ${String(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const commonYearDays = DAYS_IN_MONTH_COMMON_YEAR[month - 1];
  if (commonYearDays === undefined) throw new RangeError(`month must be 1 to 12, got ${month}`);
  return month === FEBRUARY && isLeapYear(year) ? commonYearDays + 1 : commonYearDays;
}

export function parseCalendarDate(value: string, name = 'date'): CalendarDate {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (match === null) throw new InvalidCalendarDateError(name, value);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const isReal =
    year >= CALENDAR_YEAR_MIN && year <= CALENDAR_YEAR_MAX && month >= 1 && month <= MONTHS_PER_YEAR && day >= 1 && day <= daysInMonth(year, month);
  if (!isReal) throw new InvalidCalendarDateError(name, value);
  return { year, month, day };
}

export function assertCalendarDate(value: string, name: string): void {
  parseCalendarDate(value, name);
}

export function formatCalendarDate(date: CalendarDate): string {
  const year = String(date.year).padStart(4, '0');
  const month = String(date.month).padStart(2, '0');
  const day = String(date.day).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/**
 * The date `months` calendar months after `date`, on the same day of month, clamped to the last day of a shorter
 * month. Callers that need a series compute every member from the same anchor, so one short month does not
 * pull every later date back (Jan 31 -> Feb 28 -> Mar 31, not Mar 28).
 */
export function addMonthsClamped(date: string, months: number): string {
  const anchor = parseCalendarDate(date);
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be a non-negative integer, got ${months}`);
  // Month index counted from year 0; all operands are non-negative integers, so `%` and the exact division of
  // (index - month0) by 12 are integer results.
  const monthIndex = anchor.year * MONTHS_PER_YEAR + (anchor.month - 1) + months;
  const month0 = monthIndex % MONTHS_PER_YEAR;
  const year = (monthIndex - month0) / MONTHS_PER_YEAR;
  if (year > CALENDAR_YEAR_MAX) throw new InvalidCalendarDateError('date plus months', `${date} + ${months} months`);
  const month = month0 + 1;
  return formatCalendarDate({ year, month, day: Math.min(anchor.day, daysInMonth(year, month)) });
}

/** Whole days from `fromDate` to `toDate`: positive when `toDate` is later, zero on the same day. */
export function daysBetween(fromDate: string, toDate: string): number {
  const from = parseCalendarDate(fromDate, 'fromDate');
  const to = parseCalendarDate(toDate, 'toDate');
  // Date.UTC of a midnight is an exact multiple of a day (ECMAScript time has no leap seconds), so this division
  // is exact. Date.UTC is a pure calculation; it does not read the clock.
  const differenceMilliseconds = Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day);
  return differenceMilliseconds / MILLISECONDS_PER_DAY;
}

/** The Riyadh calendar date of an instant; the instant is always injected, never read from the clock here. */
export function riyadhCalendarDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('instant must be a valid Date');
  if (time < RIYADH_FIXED_OFFSET_SINCE.getTime()) throw new RangeError(`instant must be after ${RIYADH_FIXED_OFFSET_SINCE.toISOString()}, when Riyadh took UTC+3`);
  // toISOString is always UTC: three hours later in UTC is the Riyadh wall clock.
  const date = new Date(time + RIYADH_UTC_OFFSET_MILLISECONDS).toISOString().slice(0, 10);
  assertCalendarDate(date, 'riyadhCalendarDate');
  return date;
}

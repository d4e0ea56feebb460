import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hijriAgeInYears } from '../../../shared/customers/domain/hijri-age.ts';

/*
 * The expected dates are derived here from Intl's Umm al-Qura calendar, independently of the module under test,
 * instead of hard-coding dates someone guessed from a printed calendar.
 */
const UMM_AL_QURA_IN_RIYADH = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'Asia/Riyadh' });
const GREGORIAN_IN_RIYADH = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Riyadh' });
const DAY_MILLISECONDS = 86_400_000;
const MEAN_HIJRI_YEAR_DAYS = 354.367;
const MEAN_GREGORIAN_YEAR_DAYS = 365.2425;
/** How far either side of the estimated day the search for an exact Hijri date looks. */
const SEARCH_WINDOW_DAYS = 40;

interface Hijri {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function hijriOn(instant: Date): Hijri {
  const parts = Object.fromEntries(UMM_AL_QURA_IN_RIYADH.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number.parseInt(parts.year ?? '', 10), month: Number(parts.month), day: Number(parts.day) };
}

/** The Gregorian calendar date (YYYY-MM-DD) of an instant, in Riyadh. */
function riyadhDate(instant: Date): string {
  return GREGORIAN_IN_RIYADH.format(instant);
}

function noonInRiyadh(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+03:00`);
}

function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MILLISECONDS);
}

/** The Gregorian date on which the Umm al-Qura calendar reads `target`, searched around `estimate`. */
function gregorianDateOf(target: Hijri, estimate: Date): string | undefined {
  for (let offset = -SEARCH_WINDOW_DAYS; offset <= SEARCH_WINDOW_DAYS; offset += 1) {
    const candidate = addDays(estimate, offset);
    const hijri = hijriOn(candidate);
    if (hijri.year === target.year && hijri.month === target.month && hijri.day === target.day) return riyadhDate(candidate);
  }
  return undefined;
}

/** The Gregorian date exactly `years` Hijri years before the Riyadh day of `today`. */
function hijriYearsBefore(today: Date, years: number): string {
  const now = hijriOn(today);
  const found = gregorianDateOf({ ...now, year: now.year - years }, addDays(today, -years * MEAN_HIJRI_YEAR_DAYS));
  if (found === undefined) throw new Error(`no Gregorian date reads ${now.day}/${now.month}/${now.year - years} AH`);
  return found;
}

function gregorianAgeInYears(dateOfBirth: string, today: Date): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const todayDate = riyadhDate(today);
  const [year, monthDay] = [Number(todayDate.slice(0, 4)), todayDate.slice(5)];
  return year - birthYear - (monthDay >= birthMonthDay ? 0 : 1);
}

// Noon in Riyadh, so the Riyadh calendar day is the same as the UTC one; the time-zone test below moves off it.
const TODAY = new Date('2026-11-24T09:00:00Z');

describe('age in Hijri years (Umm al-Qura, Asia/Riyadh)', () => {
  it('is 18 on the 18th Hijri birthday and 17 on the day before it', () => {
    // Arrange
    expect(hijriOn(TODAY).day).toBeLessThanOrEqual(29); // a day every Hijri month has, so the birthday exists
    const dateOfBirth = hijriYearsBefore(TODAY, 18);
    const dayBefore = addDays(TODAY, -1);

    // Act
    const ageOnBirthday = hijriAgeInYears(dateOfBirth, TODAY);
    const ageTheDayBefore = hijriAgeInYears(dateOfBirth, dayBefore);

    // Assert
    expect(ageOnBirthday).toBe(18);
    expect(ageTheDayBefore).toBe(17);
  });

  it('is still 17 for someone born one day later, whose 18th Hijri birthday is tomorrow', () => {
    // Arrange
    const dateOfBirth = riyadhDate(addDays(noonInRiyadh(hijriYearsBefore(TODAY, 18)), 1));

    // Act
    const age = hijriAgeInYears(dateOfBirth, TODAY);

    // Assert
    expect(age).toBe(17);
  });

  it('can be 18 for a person who is only 17.8 Gregorian years old, as Hijri years are about 11 days shorter', () => {
    // Arrange
    const dateOfBirth = riyadhDate(addDays(TODAY, -Math.round(17.8 * MEAN_GREGORIAN_YEAR_DAYS)));
    const birth = hijriOn(noonInRiyadh(dateOfBirth));
    const eighteenthHijriBirthday = gregorianDateOf({ ...birth, day: Math.min(birth.day, 29), year: birth.year + 18 }, addDays(noonInRiyadh(dateOfBirth), 18 * MEAN_HIJRI_YEAR_DAYS));
    const eighteenthGregorianBirthday = `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`;

    // Act
    const age = hijriAgeInYears(dateOfBirth, TODAY);

    // Assert: the calendars themselves put today after the 18th Hijri birthday and before the 18th Gregorian one.
    expect(eighteenthHijriBirthday).toBeDefined();
    expect(eighteenthHijriBirthday! <= riyadhDate(TODAY)).toBe(true);
    expect(eighteenthGregorianBirthday > riyadhDate(TODAY)).toBe(true);
    expect(gregorianAgeInYears(dateOfBirth, TODAY)).toBe(17);
    expect(age).toBe(18);
  });

  it('uses the calendar day in Riyadh: 22:30 UTC is already the next day there', () => {
    // Arrange: the 18th Hijri birthday falls on 24 November 2026 in Riyadh.
    const dateOfBirth = hijriYearsBefore(TODAY, 18);
    const lateEveningUtcAfterRiyadhMidnight = new Date('2026-11-23T22:30:00Z'); // 01:30 on the 24th in Riyadh
    const lateEveningUtcBeforeRiyadhMidnight = new Date('2026-11-23T20:30:00Z'); // 23:30 on the 23rd in Riyadh

    // Act
    const ageJustAfterRiyadhMidnight = hijriAgeInYears(dateOfBirth, lateEveningUtcAfterRiyadhMidnight);
    const ageJustBeforeRiyadhMidnight = hijriAgeInYears(dateOfBirth, lateEveningUtcBeforeRiyadhMidnight);

    // Assert
    expect(ageJustAfterRiyadhMidnight).toBe(18);
    expect(ageJustBeforeRiyadhMidnight).toBe(17);
  });

  it('counts a birthday on the 30th as reached on the 1st of the next month when that month has only 29 days', () => {
    // Arrange: find someone born on the 30th of a month that has 29 days 18 Hijri years later.
    let found: { dateOfBirth: string; dayAfterThe29th: Date } | undefined;
    for (let offset = 0; found === undefined && offset < 800; offset += 1) {
      const candidate = addDays(noonInRiyadh('2000-01-01'), offset);
      const birth = hijriOn(candidate);
      if (birth.day !== 30) continue;
      const twentyNinth = gregorianDateOf({ year: birth.year + 18, month: birth.month, day: 29 }, addDays(candidate, 18 * MEAN_HIJRI_YEAR_DAYS));
      if (twentyNinth === undefined) continue;
      const dayAfter = addDays(noonInRiyadh(twentyNinth), 1);
      if (hijriOn(dayAfter).day === 1) found = { dateOfBirth: riyadhDate(candidate), dayAfterThe29th: dayAfter };
    }
    expect(found).toBeDefined();
    const { dateOfBirth, dayAfterThe29th } = found!;

    // Act
    const ageOnThe29th = hijriAgeInYears(dateOfBirth, addDays(dayAfterThe29th, -1));
    const ageOnTheFirst = hijriAgeInYears(dateOfBirth, dayAfterThe29th);

    // Assert
    expect(ageOnThe29th).toBe(17);
    expect(ageOnTheFirst).toBe(18);
  });

  it('is never less than the age in Gregorian years, since Hijri years are shorter', () => {
    const anyDay = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((milliseconds) => new Date(milliseconds));
    fc.assert(
      fc.property(anyDay('1940-01-01T00:00:00Z', '2020-12-31T00:00:00Z'), anyDay('2021-01-01T00:00:00Z', '2060-12-31T00:00:00Z'), (birthInstant, today) => {
        // Arrange
        const dateOfBirth = riyadhDate(birthInstant);

        // Act
        const hijriAge = hijriAgeInYears(dateOfBirth, today);

        // Assert
        expect(hijriAge).toBeGreaterThanOrEqual(gregorianAgeInYears(dateOfBirth, today));
      }),
    );
  });

  it('never decreases from one day to the next, and grows by at most one year a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1950-01-01T00:00:00Z'), max: Date.parse('2010-12-31T00:00:00Z') }), fc.integer({ min: 0, max: 60 * 366 }), (birthMilliseconds, daysLater) => {
        // Arrange
        const dateOfBirth = riyadhDate(new Date(birthMilliseconds));
        const today = addDays(noonInRiyadh(dateOfBirth), daysLater);

        // Act
        const ageToday = hijriAgeInYears(dateOfBirth, today);
        const ageTomorrow = hijriAgeInYears(dateOfBirth, addDays(today, 1));

        // Assert
        expect(ageToday).toBeGreaterThanOrEqual(0);
        expect(ageTomorrow - ageToday).toBeGreaterThanOrEqual(0);
        expect(ageTomorrow - ageToday).toBeLessThanOrEqual(1);
      }),
    );
  });
});

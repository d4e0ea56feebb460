import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatCalendarDate, InvalidCalendarDateError } from '../../../shared/kernel/calendar-date.ts';
import {
  buildInstallmentSchedule,
  daysBetween,
  FIRST_DUE_DATE_MONTHS_AFTER_START_MAX,
  INSTALLMENTS_PER_PLAN_MAX,
  InvalidScheduleRequestError,
  riyadhCalendarDate,
} from '../../../shared/lending/domain/schedule.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';

const policy = DEFAULT_LENDING_POLICY;

const anyCalendarDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => formatCalendarDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const anyScheduleRequest = fc.record({
  financedHalalas: fc.integer({ min: 1, max: policy.exposureLimitHalalas }),
  installmentCount: fc.integer({ min: 1, max: policy.installmentCountMax }),
  startDate: anyCalendarDate,
});

function dueDatesFor(startDate: string, installmentCount: number): string[] {
  return buildInstallmentSchedule({ financedHalalas: 1_000_00, installmentCount, startDate }, policy).map((installment) => installment.dueDate);
}

describe('installment schedules', () => {
  it('splits SAR 100.00 over 3 months with the odd halala first, due monthly on the start day', () => {
    // Arrange
    const request = { financedHalalas: 100_00, installmentCount: 3, startDate: '2026-03-15' };

    // Act
    const schedule = buildInstallmentSchedule(request, policy);

    // Assert
    expect(schedule).toEqual([
      { sequence: 1, dueDate: '2026-04-15', amountHalalas: 3334 },
      { sequence: 2, dueDate: '2026-05-15', amountHalalas: 3333 },
      { sequence: 3, dueDate: '2026-06-15', amountHalalas: 3333 },
    ]);
  });

  it('has exactly the requested count, 1-based sequences, amounts summing to the financed amount and strictly later due dates', () => {
    fc.assert(
      fc.property(anyScheduleRequest, (request) => {
        const schedule = buildInstallmentSchedule(request, policy);
        expect(schedule).toHaveLength(request.installmentCount);
        expect(schedule.map((installment) => installment.sequence)).toEqual(Array.from({ length: request.installmentCount }, (_, index) => index + 1));
        expect(schedule.reduce((sum, installment) => sum + installment.amountHalalas, 0)).toBe(request.financedHalalas);
        const dueDates = [request.startDate, ...schedule.map((installment) => installment.dueDate)];
        dueDates.slice(1).forEach((dueDate, index) => expect(daysBetween(dueDates[index] ?? '', dueDate)).toBeGreaterThan(0));
      }),
    );
  });

  it('clamps a month-end start to each short month without dragging later months back', () => {
    expect(dueDatesFor('2026-01-31', 4)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('uses 29 February in a leap year and 28 February otherwise', () => {
    expect(dueDatesFor('2028-01-31', 2)).toEqual(['2028-02-29', '2028-03-31']);
    expect(dueDatesFor('2027-12-30', 3)).toEqual(['2028-01-30', '2028-02-29', '2028-03-30']);
    expect(dueDatesFor('2028-02-29', 12).at(-1)).toBe('2029-02-28');
  });

  it('rolls over the year end', () => {
    expect(dueDatesFor('2026-11-30', 3)).toEqual(['2026-12-30', '2027-01-30', '2027-02-28']);
  });

  it('keeps the day of a chosen first due date, so collections can follow the salary date', () => {
    // Arrange
    const request = { financedHalalas: 900_00, installmentCount: 3, startDate: '2026-01-20', firstDueDate: '2026-01-27' };

    // Act
    const dueDates = buildInstallmentSchedule(request, policy).map((installment) => installment.dueDate);

    // Assert
    expect(dueDates).toEqual(['2026-01-27', '2026-02-27', '2026-03-27']);
  });

  it('refuses a first due date on or before the start date, or beyond the allowed months after it', () => {
    const base = { financedHalalas: 900_00, installmentCount: 3, startDate: '2026-01-20' };
    const latest = `2026-0${1 + FIRST_DUE_DATE_MONTHS_AFTER_START_MAX}-20`;
    expect(() => buildInstallmentSchedule({ ...base, firstDueDate: latest }, policy)).not.toThrow();
    for (const firstDueDate of ['2026-01-20', '2026-01-19', `2026-0${1 + FIRST_DUE_DATE_MONTHS_AFTER_START_MAX}-21`]) {
      expect(() => buildInstallmentSchedule({ ...base, firstDueDate }, policy)).toThrow(
        expect.objectContaining({ name: 'InvalidScheduleRequestError', rule: 'FIRST_DUE_DATE_OUT_OF_RANGE' }),
      );
    }
  });

  it('refuses an installment count outside 1 to the policy maximum', () => {
    for (const installmentCount of [0, policy.installmentCountMax + 1, 2.5]) {
      expect(() => buildInstallmentSchedule({ financedHalalas: 100_00, installmentCount, startDate: '2026-01-01' }, policy)).toThrow(
        expect.objectContaining({ rule: 'INSTALLMENT_COUNT_OUT_OF_RANGE' }),
      );
    }
  });

  it('refuses a zero financed amount, and asserts on fractional halalas and impossible dates', () => {
    expect(() => buildInstallmentSchedule({ financedHalalas: 0, installmentCount: 3, startDate: '2026-01-01' }, policy)).toThrow(InvalidScheduleRequestError);
    expect(() => buildInstallmentSchedule({ financedHalalas: 100.5, installmentCount: 3, startDate: '2026-01-01' }, policy)).toThrow(RangeError);
    expect(() => buildInstallmentSchedule({ financedHalalas: 100_00, installmentCount: 3, startDate: '2026-02-30' }, policy)).toThrow(InvalidCalendarDateError);
  });

  it('asserts that the configured maximum stays under the hard ceiling', () => {
    expect(() =>
      buildInstallmentSchedule({ financedHalalas: 100_00, installmentCount: 3, startDate: '2026-01-01' }, { installmentCountMax: INSTALLMENTS_PER_PLAN_MAX + 1 }),
    ).toThrow(RangeError);
  });
});

describe('calendar dates in Riyadh', () => {
  it('takes the Riyadh date of an instant, which is already the next day from 21:00 UTC', () => {
    expect(riyadhCalendarDate(new Date('2026-01-31T20:59:59Z'))).toBe('2026-01-31');
    expect(riyadhCalendarDate(new Date('2026-01-31T21:00:00Z'))).toBe('2026-02-01');
  });

  it("agrees with the tz database's Asia/Riyadh for any instant from 1950 to 2200", () => {
    const riyadh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (instant) => {
        expect(riyadhCalendarDate(instant)).toBe(riyadh.format(instant));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses an instant from before Riyadh kept UTC+3, rather than give a date off by minutes', () => {
    expect(() => riyadhCalendarDate(new Date('1947-03-13T20:53:07Z'))).toThrow(RangeError);
    // The switch set clocks back from 00:00 LMT to 23:53:08 on the 13th.
    expect(riyadhCalendarDate(new Date('1947-03-13T20:53:08Z'))).toBe('1947-03-13');
  });

  it('counts whole days between dates, across month ends and leap days, negative when going back', () => {
    expect(daysBetween('2026-01-31', '2026-01-31')).toBe(0);
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('refuses strings that are not real YYYY-MM-DD dates', () => {
    for (const date of ['2026-2-01', '2026-13-01', '2027-02-29', '0999-01-01', '2026-01-01T00:00:00Z']) {
      expect(() => daysBetween(date, '2026-01-01')).toThrow(InvalidCalendarDateError);
    }
  });
});

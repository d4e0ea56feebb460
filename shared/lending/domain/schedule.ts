/**
 * Monthly installment schedules. Amounts come from splitEvenly (remainder halalas first); due dates are Riyadh
 * calendar dates computed from one anchor with month-end clamping (docs/money-and-schedules.md).
 */
import { INSTALLMENTS_PER_PLAN_MAX, type LendingPolicy } from '../../kernel/policy.ts';
import { addMonthsClamped, assertCalendarDate } from '../../kernel/calendar-date.ts';
import { assertHalalas, splitEvenly } from '../../kernel/money.ts';

export { daysBetween, riyadhCalendarDate } from '../../kernel/calendar-date.ts';

/**
 * Hard ceiling on installments per plan whatever the configuration says (SAMA's default is 12): ten years of
 * monthly installments. It bounds every loop over a plan's installments.
 */
export { INSTALLMENTS_PER_PLAN_MAX };

/**
 * A chosen first due date may be at most this many months after the start date. It lets the first collection
 * follow the customer's salary date (SAMA: collection dates follow the salary date) even when the plan starts
 * just before payday, without letting a plan defer its first installment indefinitely.
 */
export const FIRST_DUE_DATE_MONTHS_AFTER_START_MAX = 2;

export type ScheduleRule = 'INSTALLMENT_COUNT_OUT_OF_RANGE' | 'FINANCED_AMOUNT_NOT_POSITIVE' | 'FIRST_DUE_DATE_OUT_OF_RANGE';

/** The request breaks a rule the offer check should already have enforced. */
export class InvalidScheduleRequestError extends RangeError {
  constructor(
    readonly rule: ScheduleRule,
    detail: string,
  ) {
    super(`${rule}: ${detail}`);
    this.name = 'InvalidScheduleRequestError';
  }
}

export interface ScheduleRequest {
  readonly financedHalalas: number;
  readonly installmentCount: number;
  /** The plan's start, a Riyadh calendar date YYYY-MM-DD. */
  readonly startDate: string;
  /**
   * Lets the first collection follow the salary date. Later installments keep its day of month.
   * @default one month after startDate, and installment k due k months after startDate
   */
  readonly firstDueDate?: string;
}

export interface ScheduledInstallment {
  /** 1-based. */
  readonly sequence: number;
  readonly dueDate: string;
  readonly amountHalalas: number;
}

export function buildInstallmentSchedule(
  request: ScheduleRequest,
  policy: Pick<LendingPolicy, 'installmentCountMax'>,
): ScheduledInstallment[] {
  const { financedHalalas, installmentCount, startDate } = request;
  assertPolicyWithinCeiling(policy);
  assertHalalas(financedHalalas, 'financedHalalas');
  assertCalendarDate(startDate, 'startDate');
  if (financedHalalas === 0) throw new InvalidScheduleRequestError('FINANCED_AMOUNT_NOT_POSITIVE', 'financedHalalas must be above 0');
  if (!Number.isInteger(installmentCount) || installmentCount < 1 || installmentCount > policy.installmentCountMax) {
    throw new InvalidScheduleRequestError(
      'INSTALLMENT_COUNT_OUT_OF_RANGE',
      `installmentCount must be 1 to ${policy.installmentCountMax}, got ${installmentCount}`,
    );
  }
  const anchor = dueDateAnchor(startDate, request.firstDueDate);
  return splitEvenly(financedHalalas, installmentCount).map((amountHalalas, index) => ({
    sequence: index + 1,
    // Every date is computed from the one anchor, never chained from the previous due date, so a short month
    // clamps only its own installment (a Jan 31 start gives Feb 28, then Mar 31).
    dueDate: addMonthsClamped(anchor.date, anchor.monthsBeforeFirst + index),
    amountHalalas,
  }));
}

/**
 * Without a chosen first due date, installment k is due k months after the start date; with one, installment k is
 * due k - 1 months after it, keeping its day of month.
 */
function dueDateAnchor(startDate: string, firstDueDate: string | undefined): { date: string; monthsBeforeFirst: number } {
  if (firstDueDate === undefined) return { date: startDate, monthsBeforeFirst: 1 };
  assertFirstDueDateInRange(startDate, firstDueDate);
  return { date: firstDueDate, monthsBeforeFirst: 0 };
}

function assertPolicyWithinCeiling(policy: Pick<LendingPolicy, 'installmentCountMax'>): void {
  const { installmentCountMax } = policy;
  if (!Number.isInteger(installmentCountMax) || installmentCountMax < 1 || installmentCountMax > INSTALLMENTS_PER_PLAN_MAX) {
    throw new RangeError(`policy.installmentCountMax must be 1 to ${INSTALLMENTS_PER_PLAN_MAX}, got ${installmentCountMax}`);
  }
}

function assertFirstDueDateInRange(startDate: string, firstDueDate: string): void {
  assertCalendarDate(firstDueDate, 'firstDueDate');
  const latestFirstDueDate = addMonthsClamped(startDate, FIRST_DUE_DATE_MONTHS_AFTER_START_MAX);
  // Valid YYYY-MM-DD strings order the same way as the dates they name.
  if (firstDueDate <= startDate || firstDueDate > latestFirstDueDate) {
    throw new InvalidScheduleRequestError(
      'FIRST_DUE_DATE_OUT_OF_RANGE',
      `firstDueDate must be after ${startDate} and no later than ${latestFirstDueDate}, got ${firstDueDate}`,
    );
  }
}

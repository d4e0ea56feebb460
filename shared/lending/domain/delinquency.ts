/**
 * Delinquency: which installments are overdue on a Riyadh calendar date and the plan's days-past-due bucket, taken
 * from its oldest overdue installment as credit bureaus (SIMAH) report arrears.
 */
import { type InstallmentBalance, assertInstallmentBalances, inAllocationOrder, remainingHalalasOf } from './allocation.ts';
import { assertCalendarDate, daysBetween } from '../../kernel/calendar-date.ts';
import { sumHalalas } from '../../kernel/money.ts';

import { ARREARS_BUCKETS, type ArrearsBucket } from '../../kernel/policy.ts';

export type DelinquencyBucket = 'CURRENT' | ArrearsBucket;
export { ARREARS_BUCKETS, type ArrearsBucket };

/** How many of one customer's plans sit in each arrears bucket; a missing bucket counts none. */
export type ArrearsCounts = Readonly<Partial<Record<ArrearsBucket, number>>>;

const BUCKET_ORDER: readonly DelinquencyBucket[] = ['CURRENT', ...ARREARS_BUCKETS];

/** The more overdue of two buckets. */
export function worseBucket(first: DelinquencyBucket, second: DelinquencyBucket): DelinquencyBucket {
  return BUCKET_ORDER.indexOf(first) >= BUCKET_ORDER.indexOf(second) ? first : second;
}

/** `threshold` and every worse bucket: the buckets whose plans block a new plan. */
export function arrearsBucketsFrom(threshold: ArrearsBucket): readonly ArrearsBucket[] {
  return ARREARS_BUCKETS.slice(ARREARS_BUCKETS.indexOf(threshold));
}

/** Whether any plan sits in `threshold` or a worse bucket. */
export function blocksNewPlans(plansInArrears: ArrearsCounts, threshold: ArrearsBucket): boolean {
  return arrearsBucketsFrom(threshold).some((bucket) => (plansInArrears[bucket] ?? 0) > 0);
}

/**
 * The public event a change of bucket calls for: `planDelinquent` when a plan falls into, or deeper into, arrears;
 * `planDelinquencyCured` when it is back to CURRENT. Credit-bureau reporting needs both directions.
 */
export function bucketTransitionEvent(before: DelinquencyBucket, after: DelinquencyBucket): 'planDelinquent' | 'planDelinquencyCured' | undefined {
  if (before === after) return undefined;
  return after === 'CURRENT' ? 'planDelinquencyCured' : 'planDelinquent';
}

/** Upper bounds (inclusive) in days past due; anything above the last is '90+'. */
export const DELINQUENCY_BUCKET_DAYS_MAX = [
  { bucket: 'CURRENT', daysPastDueMax: 0 },
  { bucket: '1-30', daysPastDueMax: 30 },
  { bucket: '31-60', daysPastDueMax: 60 },
  { bucket: '61-90', daysPastDueMax: 90 },
] as const satisfies readonly { bucket: DelinquencyBucket; daysPastDueMax: number }[];

export interface OverdueInstallment {
  readonly sequence: number;
  readonly dueDate: string;
  readonly remainingHalalas: number;
  readonly daysPastDue: number;
}

export interface PlanDelinquency {
  /** Oldest due date first. */
  readonly overdue: readonly OverdueInstallment[];
  readonly overdueHalalas: number;
  /** Days past due of the oldest overdue installment; 0 when none is overdue. */
  readonly daysPastDue: number;
  readonly bucket: DelinquencyBucket;
}

/** A plan with nothing overdue: what a plan that owes nothing any more (cancelled, completed) is. */
export const NOT_DELINQUENT: PlanDelinquency = Object.freeze({ overdue: [], overdueHalalas: 0, daysPastDue: 0, bucket: 'CURRENT' });

export function delinquencyBucket(daysPastDue: number): DelinquencyBucket {
  if (!Number.isSafeInteger(daysPastDue) || daysPastDue < 0) throw new RangeError(`daysPastDue must be a non-negative integer, got ${daysPastDue}`);
  return DELINQUENCY_BUCKET_DAYS_MAX.find(({ daysPastDueMax }) => daysPastDue <= daysPastDueMax)?.bucket ?? '90+';
}

/** Installments with money still owed whose due date is before today; an installment due today is not yet late. */
export function overdueInstallments(installments: readonly InstallmentBalance[], today: string): OverdueInstallment[] {
  assertInstallmentBalances(installments);
  assertCalendarDate(today, 'today');
  return inAllocationOrder(installments)
    .filter((installment) => remainingHalalasOf(installment) > 0 && installment.dueDate < today)
    .map((installment) => ({
      sequence: installment.sequence,
      dueDate: installment.dueDate,
      remainingHalalas: remainingHalalasOf(installment),
      daysPastDue: daysBetween(installment.dueDate, today),
    }));
}

export function planDelinquency(installments: readonly InstallmentBalance[], today: string): PlanDelinquency {
  const overdue = overdueInstallments(installments, today);
  const daysPastDue = overdue[0]?.daysPastDue ?? 0;
  return {
    overdue,
    overdueHalalas: sumHalalas(overdue.map((installment) => installment.remainingHalalas)),
    daysPastDue,
    bucket: delinquencyBucket(daysPastDue),
  };
}

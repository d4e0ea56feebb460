import { describe, expect, it } from 'vitest';
import type { InstallmentBalance } from '../../../shared/lending/domain/allocation.ts';
import { bucketTransitionEvent, worseBucket, delinquencyBucket, overdueInstallments, planDelinquency } from '../../../shared/lending/domain/delinquency.ts';

describe('delinquency buckets', () => {
  it.each([
    [0, 'CURRENT'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [3650, '90+'],
  ] as const)('puts %i days past due in %s', (daysPastDue, bucket) => {
    expect(delinquencyBucket(daysPastDue)).toBe(bucket);
  });

  it('asserts on negative or fractional days', () => {
    expect(() => delinquencyBucket(-1)).toThrow(RangeError);
    expect(() => delinquencyBucket(1.5)).toThrow(RangeError);
  });
});

describe('overdue installments', () => {
  const installments: InstallmentBalance[] = [
    { sequence: 1, dueDate: '2026-02-28', amountHalalas: 3334, paidHalalas: 3334 },
    { sequence: 2, dueDate: '2026-03-31', amountHalalas: 3333, paidHalalas: 1000 },
    { sequence: 3, dueDate: '2026-04-30', amountHalalas: 3333, paidHalalas: 0 },
  ];

  it('are the ones with money owed and a due date before today; one due today is not yet late', () => {
    // Act
    const overdue = overdueInstallments(installments, '2026-04-30');

    // Assert
    expect(overdue).toEqual([{ sequence: 2, dueDate: '2026-03-31', remainingHalalas: 2333, daysPastDue: 30 }]);
  });

  it('put the plan in the bucket of its oldest overdue installment', () => {
    // Act: the 31 March installment is 31 days late and the 30 April one 1 day late
    const delinquency = planDelinquency(installments, '2026-05-01');

    // Assert
    expect(delinquency).toMatchObject({ daysPastDue: 31, bucket: '31-60', overdueHalalas: 2333 + 3333 });
    expect(delinquency.overdue.map((installment) => installment.sequence)).toEqual([2, 3]);
  });

  it('leave a fully paid plan current however late the date', () => {
    const paid = installments.map((installment) => ({ ...installment, paidHalalas: installment.amountHalalas }));
    expect(planDelinquency(paid, '2030-01-01')).toEqual({ overdue: [], overdueHalalas: 0, daysPastDue: 0, bucket: 'CURRENT' });
  });
});

describe('bucket transitions', () => {
  it.each([
    ['CURRENT', '1-30', 'planDelinquent'],
    ['1-30', '31-60', 'planDelinquent'],
    ['90+', '31-60', 'planDelinquent'],
    ['61-90', 'CURRENT', 'planDelinquencyCured'],
    ['1-30', '1-30', undefined],
    ['CURRENT', 'CURRENT', undefined],
  ] as const)('from %s to %s publishes %s', (before, after, event) => {
    expect(bucketTransitionEvent(before, after)).toBe(event);
  });
});

describe('the worse of two buckets', () => {
  it.each([
    ['CURRENT', '1-30', '1-30'],
    ['61-90', '31-60', '61-90'],
    ['90+', 'CURRENT', '90+'],
    ['CURRENT', 'CURRENT', 'CURRENT'],
  ] as const)('of %s and %s is %s', (first, second, worse) => {
    expect(worseBucket(first, second)).toBe(worse);
    expect(worseBucket(second, first)).toBe(worse);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, type InstallmentBalance, outstandingOf } from '../../../shared/lending/domain/allocation.ts';
import { buildInstallmentSchedule } from '../../../shared/lending/domain/schedule.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';

/** A real schedule with some money already paid, oldest first, as a plan would be after earlier payments. */
const anyPartlyPaidPlan = fc
  .record({
    financedHalalas: fc.integer({ min: 1, max: DEFAULT_LENDING_POLICY.exposureLimitHalalas }),
    installmentCount: fc.integer({ min: 1, max: DEFAULT_LENDING_POLICY.installmentCountMax }),
  })
  .chain(({ financedHalalas, installmentCount }) =>
    fc.integer({ min: 0, max: financedHalalas }).map((alreadyPaidHalalas) => {
      const schedule = buildInstallmentSchedule({ financedHalalas, installmentCount, startDate: '2026-01-31' }, DEFAULT_LENDING_POLICY);
      return applyAllocation(
        schedule.map((scheduled) => ({ ...scheduled, paidHalalas: 0 })),
        alreadyPaidHalalas,
      );
    }),
  );

function applyAllocation(installments: InstallmentBalance[], paymentHalalas: number): InstallmentBalance[] {
  const { allocations } = allocatePayment(installments, paymentHalalas);
  return installments.map((installment) => ({
    ...installment,
    paidHalalas: installment.paidHalalas + (allocations.find((allocation) => allocation.sequence === installment.sequence)?.appliedHalalas ?? 0),
  }));
}

function installment(sequence: number, dueDate: string, amountHalalas: number, paidHalalas = 0): InstallmentBalance {
  return { sequence, dueDate, amountHalalas, paidHalalas };
}

describe('allocating a payment to installments', () => {
  it('pays the oldest due date first, finishing a partly paid installment before the next', () => {
    // Arrange
    const installments = [installment(3, '2026-04-30', 100_00), installment(1, '2026-02-28', 100_00, 60_00), installment(2, '2026-03-31', 100_00)];

    // Act
    const result = allocatePayment(installments, 150_00);

    // Assert
    expect(result).toEqual({
      allocations: [
        { sequence: 1, appliedHalalas: 40_00 },
        { sequence: 2, appliedHalalas: 100_00 },
        { sequence: 3, appliedHalalas: 10_00 },
      ],
      unappliedHalalas: 0,
    });
  });

  it('breaks a tie on due date by the lower sequence', () => {
    const installments = [installment(2, '2026-02-28', 50_00), installment(1, '2026-02-28', 50_00)];
    expect(allocatePayment(installments, 70_00).allocations).toEqual([
      { sequence: 1, appliedHalalas: 50_00 },
      { sequence: 2, appliedHalalas: 20_00 },
    ]);
  });

  it('returns what exceeds the outstanding balance as unapplied', () => {
    const installments = [installment(1, '2026-02-28', 50_00, 50_00), installment(2, '2026-03-31', 50_00, 10_00)];
    expect(allocatePayment(installments, 100_00)).toEqual({ allocations: [{ sequence: 2, appliedHalalas: 40_00 }], unappliedHalalas: 60_00 });
  });

  it('conserves money: applied plus unapplied is always the payment', () => {
    fc.assert(
      fc.property(anyPartlyPaidPlan, fc.integer({ min: 0, max: 10_000_00 }), (installments, paymentHalalas) => {
        const { allocations, unappliedHalalas } = allocatePayment(installments, paymentHalalas);
        const appliedHalalas = allocations.reduce((sum, allocation) => sum + allocation.appliedHalalas, 0);
        expect(appliedHalalas + unappliedHalalas).toBe(paymentHalalas);
        expect(appliedHalalas).toBe(Math.min(paymentHalalas, outstandingOf(installments)));
      }),
    );
  });

  it('never pays an installment more than it still owes, and never leaves an older one short while paying a newer one', () => {
    fc.assert(
      fc.property(anyPartlyPaidPlan, fc.integer({ min: 0, max: 10_000_00 }), (installments, paymentHalalas) => {
        const after = applyAllocation(installments, paymentHalalas);
        expect(after.every((paid) => paid.paidHalalas <= paid.amountHalalas)).toBe(true);
        const firstShort = after.findIndex((paid) => paid.paidHalalas < paid.amountHalalas);
        if (firstShort >= 0) expect(after.slice(firstShort + 1).every((paid, index) => paid.paidHalalas === installments[firstShort + 1 + index]?.paidHalalas)).toBe(true);
      }),
    );
  });

  it('asserts on installments that are already overpaid or share a sequence', () => {
    expect(() => allocatePayment([installment(1, '2026-02-28', 10_00, 10_01)], 1)).toThrow(RangeError);
    expect(() => allocatePayment([installment(1, '2026-02-28', 10_00), installment(1, '2026-03-31', 10_00)], 1)).toThrow(RangeError);
  });
});

describe('outstanding balance', () => {
  it('is what every installment still owes, added up', () => {
    expect(outstandingOf([installment(1, '2026-02-28', 3334, 3334), installment(2, '2026-03-31', 3333, 1000), installment(3, '2026-04-30', 3333)])).toBe(5666);
  });
});

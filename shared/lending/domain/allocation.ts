/**
 * Applying a payment to a plan's installments: the oldest due date first, then the lowest sequence, and never more
 * than an installment still owes. Whatever is left over is returned as unapplied rather than silently kept.
 */
import { assertCalendarDate } from '../../kernel/calendar-date.ts';
import { assertHalalas, sumHalalas } from '../../kernel/money.ts';
import { INSTALLMENTS_PER_PLAN_MAX } from './schedule.ts';

export interface InstallmentBalance {
  readonly sequence: number;
  readonly dueDate: string;
  readonly amountHalalas: number;
  readonly paidHalalas: number;
}

export interface InstallmentAllocation {
  readonly sequence: number;
  readonly appliedHalalas: number;
}

export interface PaymentAllocation {
  /** Only installments that receive money, in the order they were paid. */
  readonly allocations: readonly InstallmentAllocation[];
  /** Invariant: sum(appliedHalalas) + unappliedHalalas === paymentHalalas. */
  readonly unappliedHalalas: number;
}

export function remainingHalalasOf(installment: InstallmentBalance): number {
  return installment.amountHalalas - installment.paidHalalas;
}

/** What the plan still owes over all its installments. */
export function outstandingOf(installments: readonly InstallmentBalance[]): number {
  assertInstallmentBalances(installments);
  return sumHalalas(installments.map(remainingHalalasOf));
}

export function allocatePayment(installments: readonly InstallmentBalance[], paymentHalalas: number): PaymentAllocation {
  assertInstallmentBalances(installments);
  assertHalalas(paymentHalalas, 'paymentHalalas');
  const allocations: InstallmentAllocation[] = [];
  let unappliedHalalas = paymentHalalas;
  for (const installment of inAllocationOrder(installments)) {
    const appliedHalalas = Math.min(unappliedHalalas, remainingHalalasOf(installment));
    if (appliedHalalas === 0) continue;
    allocations.push({ sequence: installment.sequence, appliedHalalas });
    unappliedHalalas -= appliedHalalas;
  }
  return { allocations, unappliedHalalas };
}

/** Oldest due date first; a tie (same due date) goes to the lower sequence. */
export function inAllocationOrder(installments: readonly InstallmentBalance[]): InstallmentBalance[] {
  return [...installments].sort((a, b) => (a.dueDate === b.dueDate ? a.sequence - b.sequence : a.dueDate < b.dueDate ? -1 : 1));
}

export function assertInstallmentBalances(installments: readonly InstallmentBalance[]): void {
  if (installments.length > INSTALLMENTS_PER_PLAN_MAX) throw new RangeError(`a plan has at most ${INSTALLMENTS_PER_PLAN_MAX} installments`);
  const sequences = new Set<number>();
  for (const installment of installments) {
    const { sequence, dueDate, amountHalalas, paidHalalas } = installment;
    if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`installment sequence must be a positive integer, got ${sequence}`);
    if (sequences.has(sequence)) throw new RangeError(`installment sequence ${sequence} appears twice`);
    sequences.add(sequence);
    assertCalendarDate(dueDate, 'dueDate');
    assertHalalas(amountHalalas, 'amountHalalas');
    assertHalalas(paidHalalas, 'paidHalalas');
    if (paidHalalas > amountHalalas) throw new RangeError(`installment ${sequence} is overpaid: ${paidHalalas} of ${amountHalalas} halalas`);
  }
}

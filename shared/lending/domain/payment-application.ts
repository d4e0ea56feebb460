/**
 * What money received does to a plan's installments: allocated oldest first, each installment PAID once fully paid,
 * and the plan's outstanding balance and arrears bucket recomputed for the Riyadh date it arrived. Shared by gateway
 * confirmations and by unapplied cash that staff apply from suspense, so both change a plan the same way.
 */
import { allocatePayment, outstandingOf, type InstallmentAllocation, type InstallmentBalance } from './allocation.ts';
import { planDelinquency, type PlanDelinquency } from './delinquency.ts';

export interface PayableInstallment extends InstallmentBalance {
  readonly status: 'DUE' | 'OVERDUE' | 'PAID';
}

export interface PaymentApplication<TInstallment extends PayableInstallment> {
  readonly installments: readonly TInstallment[];
  readonly allocations: readonly InstallmentAllocation[];
  readonly outstandingHalalas: number;
  readonly delinquency: PlanDelinquency;
}

/** Applies `amountHalalas` in full; the caller guarantees it fits what the plan owes (an impossible state otherwise). */
export function applyPayment<TInstallment extends PayableInstallment>(installments: readonly TInstallment[], amountHalalas: number, today: string): PaymentApplication<TInstallment> {
  const { allocations, unappliedHalalas } = allocatePayment(installments, amountHalalas);
  if (unappliedHalalas !== 0) throw new RangeError(`${amountHalalas} halalas exceed the plan's outstanding balance by ${unappliedHalalas}`);
  const applied = new Map(allocations.map((allocation) => [allocation.sequence, allocation.appliedHalalas]));
  const paid = installments.map((installment) => {
    const paidHalalas = installment.paidHalalas + (applied.get(installment.sequence) ?? 0);
    return { ...installment, paidHalalas, status: paidHalalas === installment.amountHalalas ? 'PAID' : installment.status };
  });
  return { installments: paid, allocations, outstandingHalalas: outstandingOf(paid), delinquency: planDelinquency(paid, today) };
}

/**
 * How a plan's state changes: opened from an offer, cancelled in its cooling-off window, paid into, a payment
 * reserved or released, installments marked overdue. Pure: the use-cases decide when, adapters store the result.
 */
import { addMonthsClamped } from '../../kernel/calendar-date.ts';
import type { InstallmentAllocation } from './allocation.ts';
import { NOT_DELINQUENT, planDelinquency, worseBucket, type PlanDelinquency } from './delinquency.ts';
import { applyPayment } from './payment-application.ts';
import type { Offer, Plan } from './plan.ts';

/** The audit head of an aggregate with no entries yet. */
const GENESIS_HEAD = { sequence: 0, hash: '0'.repeat(64) } as const;

export function openPlan(offer: Offer, planId: string, now: Date): Plan {
  return {
    planId,
    customerId: offer.customerId,
    offerId: offer.offerId,
    status: 'ACTIVE',
    amountHalalas: offer.amountHalalas,
    downPaymentHalalas: offer.downPaymentHalalas,
    financedHalalas: offer.financedHalalas,
    outstandingHalalas: offer.financedHalalas,
    payableHalalas: offer.financedHalalas,
    installments: offer.installments.map((installment) => ({ ...installment, paidHalalas: 0, status: 'DUE' })),
    delinquencyBucket: 'CURRENT',
    createdAt: now,
    version: 1,
    auditHead: GENESIS_HEAD,
    ...(offer.quote === undefined
      ? {}
      : { purchase: { requestId: offer.quote.requestId, quoteId: offer.quote.quoteId, contractorId: offer.quote.contractorId }, scheduleProvisional: true }),
  };
}

/**
 * Fixes a provisional schedule once the work may start: installment k falls due `monthsAfterStart + k - 1` months after
 * `startDate` (a Riyadh calendar date), amounts unchanged. Undefined when the schedule is not provisional.
 */
export function fixProvisionalSchedule(plan: Plan, startDate: string, monthsAfterStart: number): Plan | undefined {
  if (plan.scheduleProvisional !== true || plan.status !== 'ACTIVE') return undefined;
  const { scheduleProvisional: _fixed, ...rest } = plan;
  return {
    ...rest,
    installments: plan.installments.map((installment, index) => ({ ...installment, dueDate: addMonthsClamped(startDate, monthsAfterStart + index) })),
  };
}

/**
 * The plan as cancelled, or undefined when it may not be: only an active plan nobody has paid into or reserved
 * against, within its cooling-off window. A cancelled plan owes nothing, so it is no longer behind either.
 */
export function cancellationOf(plan: Plan, now: Date, coolingOffSeconds: number): Plan | undefined {
  const withinCoolingOff = now.getTime() - plan.createdAt.getTime() <= coolingOffSeconds * 1000;
  return withinCoolingOff ? cancellationBeforeWorkStarts(plan) : undefined;
}

/**
 * The plan as cancelled with the installation it pays for, before that work may start (the projects context decides
 * when): only an active plan nobody has paid into or reserved against. Undefined when it may not be.
 */
export function cancellationBeforeWorkStarts(plan: Plan): Plan | undefined {
  const untouched = plan.outstandingHalalas === plan.financedHalalas && plan.payableHalalas === plan.outstandingHalalas;
  if (plan.status !== 'ACTIVE' || !untouched) return undefined;
  return { ...plan, status: 'CANCELLED', outstandingHalalas: 0, payableHalalas: 0, delinquencyBucket: NOT_DELINQUENT.bucket };
}

export interface FinancingReduced {
  readonly plan: Plan;
  readonly delinquency: PlanDelinquency;
  readonly completed: boolean;
}

/**
 * The plan without `amountHalalas` of its financing, which was never drawn (the projects context ends an
 * installation early). The reduction comes off the unpaid installments from the last one backwards, so the customer
 * pays less for fewer months and no due date moves; an installment left with nothing to pay is dropped. A payment
 * intent in flight must settle first: undefined while one is, or when the plan owes less than the reduction.
 */
export function reduceFinancing(plan: Plan, amountHalalas: number, today: string): FinancingReduced | undefined {
  if (plan.status !== 'ACTIVE' || plan.payableHalalas !== plan.outstandingHalalas || amountHalalas > plan.outstandingHalalas) return undefined;
  let remainingHalalas = amountHalalas;
  const reversed = [...plan.installments].reverse().map((installment) => {
    const cutHalalas = Math.min(installment.amountHalalas - installment.paidHalalas, remainingHalalas);
    remainingHalalas -= cutHalalas;
    const amountAfterHalalas = installment.amountHalalas - cutHalalas;
    return { ...installment, amountHalalas: amountAfterHalalas, status: amountAfterHalalas === installment.paidHalalas ? ('PAID' as const) : installment.status };
  });
  const installments = reversed.reverse().filter((installment) => installment.amountHalalas > 0);
  const outstandingHalalas = plan.outstandingHalalas - amountHalalas;
  const completed = outstandingHalalas === 0;
  // Cutting from the end can pay off an overdue installment only when it reaches it; the bucket follows what is left.
  const delinquency = completed ? NOT_DELINQUENT : planDelinquency(installments, today);
  return {
    plan: { ...plan, installments, outstandingHalalas, payableHalalas: outstandingHalalas, status: completed ? 'COMPLETED' : plan.status, delinquencyBucket: delinquency.bucket },
    delinquency,
    completed,
  };
}

export interface PaymentReceived {
  readonly plan: Plan;
  readonly allocations: readonly InstallmentAllocation[];
  readonly delinquency: PlanDelinquency;
  readonly completed: boolean;
}

/**
 * Money received into a plan, applied oldest installment first. `reserved` says whether the amount was already
 * taken out of the payable balance by its intent; money that was not (a late confirmation, unapplied cash) takes it now.
 */
export function receivePayment(plan: Plan, amountHalalas: number, today: string, reserved: boolean): PaymentReceived {
  const { installments, allocations, outstandingHalalas, delinquency } = applyPayment(plan.installments, amountHalalas, today);
  const completed = outstandingHalalas === 0;
  return {
    plan: {
      ...plan,
      installments,
      outstandingHalalas,
      payableHalalas: reserved ? plan.payableHalalas : plan.payableHalalas - amountHalalas,
      status: completed ? 'COMPLETED' : plan.status,
      delinquencyBucket: delinquency.bucket,
    },
    allocations,
    delinquency,
    completed,
  };
}

/** A failed or expired intent gives back the payable balance it reserved. */
export function releaseReservation(plan: Plan, amountHalalas: number): Plan {
  return { ...plan, payableHalalas: plan.payableHalalas + amountHalalas };
}

export interface OverdueMarking {
  readonly plan: Plan;
  readonly delinquency: PlanDelinquency;
  readonly newlyOverdue: PlanDelinquency['overdue'];
}

/**
 * Installments overdue on `today` marked OVERDUE and the bucket moved, or undefined when nothing is new. Marking
 * only ever worsens a bucket; payments cure. A run that began before midnight must not undo the bucket a payment
 * stored, measured a day later.
 */
export function markOverdue(plan: Plan, today: string): OverdueMarking | undefined {
  const measured = planDelinquency(plan.installments, today);
  const delinquency = { ...measured, bucket: worseBucket(plan.delinquencyBucket, measured.bucket) };
  const overdueSequences = new Set(delinquency.overdue.map((installment) => installment.sequence));
  const newlyOverdue = delinquency.overdue.filter((installment) => plan.installments.find((candidate) => candidate.sequence === installment.sequence)?.status !== 'OVERDUE');
  if (newlyOverdue.length === 0 && delinquency.bucket === plan.delinquencyBucket) return undefined;
  return {
    plan: {
      ...plan,
      delinquencyBucket: delinquency.bucket,
      installments: plan.installments.map((installment) => (overdueSequences.has(installment.sequence) ? { ...installment, status: 'OVERDUE' } : installment)),
    },
    delinquency,
    newlyOverdue,
  };
}

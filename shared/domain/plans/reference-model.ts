/**
 * A deliberately naive in-memory model of one customer's plans, the oracle for model-based tests of the real
 * implementation. Exposure is recomputed from every plan on each read rather than tracked incrementally, so it
 * is correct by inspection: exposure = the sum of outstanding balances, and it never exceeds the limit.
 */
import { assertHalalas } from './money.ts';

/** Bounds the model's memory in long random command sequences. */
export const REFERENCE_MODEL_PLANS_MAX = 1_000;

export type ModelPlanStatus = 'ACTIVE' | 'OVERDUE' | 'PAID' | 'CANCELLED';

export interface ModelPlan {
  readonly planId: string;
  readonly financedHalalas: number;
  readonly paidHalalas: number;
  readonly status: ModelPlanStatus;
}

export type CreatePlanResult = 'CREATED' | 'PLAN_ALREADY_EXISTS' | 'EXPOSURE_LIMIT_EXCEEDED';
export type PayResult =
  | { readonly outcome: 'APPLIED'; readonly appliedHalalas: number; readonly unappliedHalalas: number }
  | { readonly outcome: 'PLAN_NOT_FOUND' | 'PLAN_NOT_PAYABLE' };
export type CancelResult = 'CANCELLED' | 'PLAN_NOT_FOUND' | 'PLAN_NOT_CANCELLABLE';
export type MarkOverdueResult = 'MARKED_OVERDUE' | 'PLAN_NOT_FOUND' | 'PLAN_NOT_ACTIVE';

/** Only open plans carry a balance; a paid plan owes nothing and a cancelled one never will. */
const OPEN_STATUSES: readonly ModelPlanStatus[] = ['ACTIVE', 'OVERDUE'];

export class CustomerPlansModel {
  private readonly plans = new Map<string, ModelPlan>();

  constructor(readonly exposureLimitHalalas: number) {
    assertHalalas(exposureLimitHalalas, 'exposureLimitHalalas');
  }

  outstandingHalalas(plan: ModelPlan): number {
    return OPEN_STATUSES.includes(plan.status) ? plan.financedHalalas - plan.paidHalalas : 0;
  }

  exposureHalalas(): number {
    return [...this.plans.values()].reduce((sumHalalas, plan) => sumHalalas + this.outstandingHalalas(plan), 0);
  }

  snapshot(): ModelPlan[] {
    return [...this.plans.values()];
  }

  createPlan(planId: string, financedHalalas: number): CreatePlanResult {
    assertHalalas(financedHalalas, 'financedHalalas');
    if (financedHalalas === 0) throw new RangeError('financedHalalas must be above 0');
    if (this.plans.has(planId)) return 'PLAN_ALREADY_EXISTS';
    if (this.plans.size >= REFERENCE_MODEL_PLANS_MAX) throw new RangeError(`the model holds at most ${REFERENCE_MODEL_PLANS_MAX} plans`);
    if (this.exposureHalalas() + financedHalalas > this.exposureLimitHalalas) return 'EXPOSURE_LIMIT_EXCEEDED';
    this.plans.set(planId, { planId, financedHalalas, paidHalalas: 0, status: 'ACTIVE' });
    return 'CREATED';
  }

  /** Applies at most what the plan owes; the rest is returned as unapplied. Overdue plans can still be paid. */
  pay(planId: string, paymentHalalas: number): PayResult {
    assertHalalas(paymentHalalas, 'paymentHalalas');
    const plan = this.plans.get(planId);
    if (plan === undefined) return { outcome: 'PLAN_NOT_FOUND' };
    if (!OPEN_STATUSES.includes(plan.status)) return { outcome: 'PLAN_NOT_PAYABLE' };
    const appliedHalalas = Math.min(paymentHalalas, this.outstandingHalalas(plan));
    const paidHalalas = plan.paidHalalas + appliedHalalas;
    this.plans.set(planId, { ...plan, paidHalalas, status: paidHalalas === plan.financedHalalas ? 'PAID' : plan.status });
    return { outcome: 'APPLIED', appliedHalalas, unappliedHalalas: paymentHalalas - appliedHalalas };
  }

  /** Only an active plan with nothing paid yet can be cancelled: once money has moved, it is settled, not undone. */
  cancel(planId: string): CancelResult {
    const plan = this.plans.get(planId);
    if (plan === undefined) return 'PLAN_NOT_FOUND';
    if (plan.status !== 'ACTIVE' || plan.paidHalalas > 0) return 'PLAN_NOT_CANCELLABLE';
    this.plans.set(planId, { ...plan, status: 'CANCELLED' });
    return 'CANCELLED';
  }

  /** Overdue changes the plan's standing, not its balance: the exposure stays until it is paid. */
  markOverdue(planId: string): MarkOverdueResult {
    const plan = this.plans.get(planId);
    if (plan === undefined) return 'PLAN_NOT_FOUND';
    if (plan.status !== 'ACTIVE') return 'PLAN_NOT_ACTIVE';
    this.plans.set(planId, { ...plan, status: 'OVERDUE' });
    return 'MARKED_OVERDUE';
  }
}

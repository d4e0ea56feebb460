import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerPlansModel } from '../../../../../shared/domain/plans/reference-model.ts';

const LIMIT_HALALAS = 5_000_00;
const PLAN_IDS = ['plan-a', 'plan-b', 'plan-c', 'plan-d', 'plan-e'] as const;

type Command =
  | { readonly kind: 'create'; readonly planId: string; readonly financedHalalas: number }
  | { readonly kind: 'pay'; readonly planId: string; readonly paymentHalalas: number }
  | { readonly kind: 'cancel'; readonly planId: string }
  | { readonly kind: 'markOverdue'; readonly planId: string };

const anyPlanId = fc.constantFrom(...PLAN_IDS);
const anyCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), planId: anyPlanId, financedHalalas: fc.integer({ min: 1, max: LIMIT_HALALAS + 100 }) }),
  fc.record({ kind: fc.constant('pay' as const), planId: anyPlanId, paymentHalalas: fc.integer({ min: 0, max: LIMIT_HALALAS }) }),
  fc.record({ kind: fc.constant('cancel' as const), planId: anyPlanId }),
  fc.record({ kind: fc.constant('markOverdue' as const), planId: anyPlanId }),
);

/** Runs a command and returns how it changed exposure, judged only from the result the model reports. */
function exposureChangeHalalas(model: CustomerPlansModel, command: Command): number {
  switch (command.kind) {
    case 'create':
      return model.createPlan(command.planId, command.financedHalalas) === 'CREATED' ? command.financedHalalas : 0;
    case 'pay': {
      const result = model.pay(command.planId, command.paymentHalalas);
      return result.outcome === 'APPLIED' ? -result.appliedHalalas : 0;
    }
    case 'cancel': {
      const plan = model.snapshot().find((candidate) => candidate.planId === command.planId);
      const outstandingHalalas = plan === undefined ? 0 : model.outstandingHalalas(plan);
      return model.cancel(command.planId) === 'CANCELLED' ? -outstandingHalalas : 0;
    }
    case 'markOverdue':
      model.markOverdue(command.planId);
      return 0;
  }
}

describe('the reference model of one customer’s plans', () => {
  it('keeps exposure within the limit and equal to the sum of outstanding balances under any command sequence', () => {
    fc.assert(
      fc.property(fc.array(anyCommand, { maxLength: 60 }), (commands) => {
        // Arrange
        const model = new CustomerPlansModel(LIMIT_HALALAS);
        let expectedExposureHalalas = 0;

        for (const command of commands) {
          // Act
          expectedExposureHalalas += exposureChangeHalalas(model, command);

          // Assert
          const outstandingSumHalalas = model.snapshot().reduce((sum, plan) => sum + model.outstandingHalalas(plan), 0);
          expect(model.exposureHalalas()).toBe(expectedExposureHalalas);
          expect(model.exposureHalalas()).toBe(outstandingSumHalalas);
          expect(model.exposureHalalas()).toBeLessThanOrEqual(LIMIT_HALALAS);
          expect(model.snapshot().every((plan) => plan.paidHalalas >= 0 && plan.paidHalalas <= plan.financedHalalas)).toBe(true);
        }
      }),
    );
  });

  it('allows a plan that uses exactly the remaining exposure and refuses one halala more', () => {
    // Arrange
    const model = new CustomerPlansModel(LIMIT_HALALAS);
    model.createPlan('plan-a', 3_000_00);

    // Act / Assert
    expect(model.createPlan('plan-b', 2_000_01)).toBe('EXPOSURE_LIMIT_EXCEEDED');
    expect(model.createPlan('plan-b', 2_000_00)).toBe('CREATED');
    expect(model.exposureHalalas()).toBe(LIMIT_HALALAS);
  });

  it('frees exposure as plans are paid, returns overpayment as unapplied, and settles a fully paid plan', () => {
    // Arrange
    const model = new CustomerPlansModel(LIMIT_HALALAS);
    model.createPlan('plan-a', 1_000_00);

    // Act
    const result = model.pay('plan-a', 1_200_00);

    // Assert
    expect(result).toEqual({ outcome: 'APPLIED', appliedHalalas: 1_000_00, unappliedHalalas: 200_00 });
    expect(model.snapshot()).toEqual([{ planId: 'plan-a', financedHalalas: 1_000_00, paidHalalas: 1_000_00, status: 'PAID' }]);
    expect(model.exposureHalalas()).toBe(0);
    expect(model.pay('plan-a', 1)).toEqual({ outcome: 'PLAN_NOT_PAYABLE' });
  });

  it('keeps an overdue plan in the exposure and cancels only an active plan with nothing paid', () => {
    const model = new CustomerPlansModel(LIMIT_HALALAS);
    model.createPlan('plan-a', 1_000_00);
    model.createPlan('plan-b', 1_000_00);
    model.createPlan('plan-c', 1_000_00);

    expect(model.markOverdue('plan-a')).toBe('MARKED_OVERDUE');
    expect(model.cancel('plan-a')).toBe('PLAN_NOT_CANCELLABLE');
    model.pay('plan-b', 1);
    expect(model.cancel('plan-b')).toBe('PLAN_NOT_CANCELLABLE');
    expect(model.cancel('plan-c')).toBe('CANCELLED');
    expect(model.exposureHalalas()).toBe(1_000_00 + 999_99);
    expect(model.cancel('plan-z')).toBe('PLAN_NOT_FOUND');
  });
});

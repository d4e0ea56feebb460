import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openPlan, reduceFinancing } from '../../../shared/lending/domain/plan-transitions.ts';
import type { Offer } from '../../../shared/lending/domain/plan.ts';
import {
  acceptAgreement,
  approveMilestone,
  DEFAULT_PROJECT_POLICY,
  endProjectEarly,
  flagStalled,
  issueNoticeToProceed,
  openProject,
  receiveDownPayment,
  settleDisbursement,
  submitMilestone,
  type Project,
} from '../../../shared/projects/domain/project.ts';

const PROJECT_ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const T0 = new Date('2027-01-10T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const policy = { ...DEFAULT_PROJECT_POLICY, noticeToProceedToMilestoneOneSeconds: 100, milestoneOneToMilestoneTwoSeconds: 100 };
const contract = [{ fileId: 'F1', kind: 'SIGNED_INSTALLATION_CONTRACT' as const, contentType: 'application/pdf', sizeBytes: 10 }];

const moved = (transition: { kind: string; project?: Project; refusal?: string }): Project => {
  if (transition.kind !== 'moved' || transition.project === undefined) throw new Error(`refused: ${transition.refusal}`);
  return transition.project;
};

/** A project whose M1 was approved and paid, then flagged stalled waiting for M2, at `at(200)`. */
function stalledAfterMilestoneOne(totalHalalas: number, downPaymentHalalas: number, milestoneOneBasisPoints: number): Project {
  let project = openProject(
    { planId: PROJECT_ID, customerId: 'C', contractorId: 'K', requestId: 'R', quoteId: 'Q', totalHalalas, downPaymentHalalas, financedHalalas: totalHalalas - downPaymentHalalas, coolingOffEndsAt: at(10) },
    T0,
    { ...policy, milestoneOneBasisPoints },
  );
  if (downPaymentHalalas > 0) project = moved(receiveDownPayment(project, downPaymentHalalas, at(1), 'P1'));
  project = moved(acceptAgreement({ ...project, installationAddressProvided: true }, { termsVersion: 'v', termsSha256: 'x', acceptedAt: at(2), acceptedBy: 'C' }));
  project = moved(issueNoticeToProceed(project, at(10), policy));
  project = moved(submitMilestone(project, 'M1', { files: contract, secReferenceNumber: 'SEC-1', submittedBy: 'K', submittedAt: at(20) }, policy));
  const approval = approveMilestone(project, 'M1', 'D1', at(25), { ...policy, payoutTransferLimitHalalas: Number.MAX_SAFE_INTEGER });
  if (approval.kind !== 'approved') throw new Error('M1 not approved');
  const stalled = flagStalled(settleDisbursement(approval.approval.project, at(30)), at(200));
  if (stalled === undefined) throw new Error('not stalled');
  return stalled;
}

describe('ending a stalled project early', () => {
  it('leaves the customer paying exactly what the contractor was paid, and claims all of it back for them, for any price, down payment, split and repayments', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_00, max: 50_000_000 }).chain((totalHalalas) =>
          fc.tuple(fc.constant(totalHalalas), fc.integer({ min: 0, max: totalHalalas - 1 }), fc.integer({ min: 1_000, max: 9_000 }), fc.double({ min: 0, max: 1, noNaN: true })),
        ),
        ([totalHalalas, downPaymentHalalas, basisPoints, repaidShare]) => {
          const project = stalledAfterMilestoneOne(totalHalalas, downPaymentHalalas, basisPoints);
          const financedHalalas = totalHalalas - downPaymentHalalas;
          const planOwesHalalas = financedHalalas - Math.floor(financedHalalas * repaidShare);
          const outcome = endProjectEarly(project, planOwesHalalas, 'D9', at(300));
          if (outcome.kind === 'refused') {
            // Only when what goes back to the customer exceeds the down payment the gateway can refund.
            expect(outcome.refusal).toBe('EARLY_END_REFUND_EXCEEDS_DOWN_PAYMENT');
            return;
          }
          const ended = outcome.project;
          const ending = ended.earlyEnding!;
          const refundHalalas = ended.refund?.amountHalalas ?? 0;
          expect(ended.status).toBe('ENDED_EARLY');
          expect(ending.cancelledFromPlanHalalas + ending.repaidBeyondDrawnHalalas).toBe(ending.undrawnFinancingHalalas);
          expect(ending.cancelledFromPlanHalalas).toBeLessThanOrEqual(planOwesHalalas);
          expect(refundHalalas).toBe(project.heldDownPaymentHalalas + ending.repaidBeyondDrawnHalalas);
          expect(refundHalalas).toBeLessThanOrEqual(downPaymentHalalas);
          const downPaymentKeptHalalas = downPaymentHalalas - project.heldDownPaymentHalalas;
          const financingOwedHalalas = financedHalalas - ending.undrawnFinancingHalalas;
          expect(downPaymentKeptHalalas + financingOwedHalalas).toBe(project.milestones.M1.amountHalalas);
          expect(ending.clawbackHalalas).toBe(project.milestones.M1.amountHalalas);
        },
      ),
    );
  });

  it('is refused unless the project is stalled waiting for M2, and while a transfer of it is unsettled', () => {
    const stalled = stalledAfterMilestoneOne(3_000_000, 2_000_000, 5_000);
    expect(endProjectEarly({ ...stalled, stalled: undefined }, 1_000_000, 'D9', at(300))).toEqual({ kind: 'refused', refusal: 'EARLY_END_NOT_ALLOWED' });
    expect(endProjectEarly({ ...stalled, status: 'NOTICE_TO_PROCEED' }, 1_000_000, 'D9', at(300))).toEqual({ kind: 'refused', refusal: 'EARLY_END_NOT_ALLOWED' });
    expect(endProjectEarly({ ...stalled, unsettledDisbursementCount: 1 }, 1_000_000, 'D9', at(300))).toEqual({ kind: 'refused', refusal: 'EARLY_END_WAITS_FOR_DISBURSEMENTS' });
  });

  it('refunds the held down payment and cancels the whole financing when the down payment paid all of M1', () => {
    // M1 is 1,500,000 of 3,000,000; the 2,000,000 down payment paid it and holds 500,000; nothing was drawn.
    const ended = moved(endProjectEarly(stalledAfterMilestoneOne(3_000_000, 2_000_000, 5_000), 1_000_000, 'D9', at(300)));
    expect(ended.earlyEnding).toMatchObject({ undrawnFinancingHalalas: 1_000_000, cancelledFromPlanHalalas: 1_000_000, repaidBeyondDrawnHalalas: 0, clawbackHalalas: 1_500_000 });
    expect(ended.refund).toMatchObject({ amountHalalas: 500_000, fromRefundsDueHalalas: 0, status: 'REQUESTED', paymentId: 'P1' });
    expect(ended.stageDeadlineAt).toBeUndefined();
  });
});

describe("taking undrawn financing off a plan", () => {
  const offer = (installmentAmounts: readonly number[]): Offer => ({
    offerId: 'O',
    customerId: 'C',
    amountHalalas: installmentAmounts.reduce((sum, amount) => sum + amount, 0),
    downPaymentHalalas: 0,
    financedHalalas: installmentAmounts.reduce((sum, amount) => sum + amount, 0),
    installmentCount: installmentAmounts.length,
    installments: installmentAmounts.map((amountHalalas, index) => ({ sequence: index + 1, dueDate: `2027-${String(index + 1).padStart(2, '0')}-10`, amountHalalas })),
    createdAt: T0,
    expiresAt: T0,
    used: true,
  });

  it('cuts the unpaid installments from the last one backwards, by exactly the amount, keeping every due date and payment', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (amounts, share) => {
        const plan = openPlan(offer(amounts), 'PL', T0);
        const cutHalalas = Math.floor(plan.outstandingHalalas * share);
        const reduced = reduceFinancing(plan, cutHalalas, '2027-01-01');
        expect(reduced).toBeDefined();
        const { plan: after } = reduced!;
        expect(after.outstandingHalalas).toBe(plan.outstandingHalalas - cutHalalas);
        expect(after.payableHalalas).toBe(after.outstandingHalalas);
        expect(after.installments.reduce((sum, installment) => sum + installment.amountHalalas - installment.paidHalalas, 0)).toBe(after.outstandingHalalas);
        // What remains is a prefix of the schedule: the same due dates, the earliest ones untouched.
        after.installments.forEach((installment, index) => expect(installment.dueDate).toBe(plan.installments[index]!.dueDate));
        after.installments.slice(0, -1).forEach((installment, index) => expect(installment.amountHalalas).toBe(plan.installments[index]!.amountHalalas));
        expect(after.status).toBe(after.outstandingHalalas === 0 ? 'COMPLETED' : 'ACTIVE');
      }),
    );
  });

  it('waits for a payment in flight, and never takes off more than the plan owes', () => {
    const plan = openPlan(offer([100, 100]), 'PL', T0);
    expect(reduceFinancing({ ...plan, payableHalalas: 100 }, 50, '2027-01-01')).toBeUndefined();
    expect(reduceFinancing(plan, 201, '2027-01-01')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from '../../../shared/kernel/payment-methods.ts';
import { DEFAULT_PLAN_POLICY } from '../../../shared/kernel/policy.ts';
import type { Payment, PaymentStore, Plan, PlanStore } from '../../support/money-path.ts';
import { createPaymentIntent } from '../../support/money-path.ts';

const now = new Date('2026-12-02T09:00:00Z');
const plan = { planId: 'P1', customerId: 'C1', status: 'ACTIVE', payableHalalas: 300_00, outstandingHalalas: 300_00 } as Plan;

/** Only what creating an intent reads and writes; the lifetime is arithmetic on the policy, not persistence. */
function depsRecordingIntents() {
  const created: Payment[] = [];
  const planStore = { loadPlanForUpdate: async () => ({ plan, idempotency: undefined }) } as unknown as PlanStore;
  const paymentStore = {
    createPaymentIntent: async (input: { payment: Payment }) => {
      created.push(input.payment);
    },
  } as unknown as PaymentStore;
  let id = 0;
  const deps = {
    planStore,
    paymentStore,
    clock: { now: () => now },
    ids: { newId: () => `01J${String((id += 1)).padStart(23, '0')}` },
    plans: DEFAULT_PLAN_POLICY,
  };
  return { deps, created };
}

const intentFor = async (method: PaymentMethod) => {
  const { deps, created } = depsRecordingIntents();
  await createPaymentIntent(
    { principal: { principalId: 'C1', roles: ['customer'] }, planId: 'P1', amountHalalas: 100_00, method, correlationId: 'c', idempotency: { principalId: 'C1', keyDigest: 'k', fingerprint: 'f', replyTo: () => ({ statusCode: 201, body: {} }) } },
    deps,
  );
  return created[0]!;
};

describe('payment intent lifetime', () => {
  it('is two hours for card methods, whose checkout completes at once', async () => {
    for (const method of ['MADA', 'CREDIT_CARD', 'APPLE_PAY'] as const) {
      expect((await intentFor(method)).expiresAt, method).toEqual(new Date('2026-12-02T11:00:00Z'));
    }
  });

  it('is three days for SADAD, a bill the customer pays later through their bank', async () => {
    expect((await intentFor('SADAD')).expiresAt).toEqual(new Date('2026-12-05T09:00:00Z'));
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { apiClient } from '../support/api-client.ts';
import { assessedCustomer } from '../support/customer-setup.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { signIn } from '../support/sign-in.ts';

interface PlanView {
  planId: string;
  status: string;
  outstandingHalalas: number;
  installments: { sequence: number; amountHalalas: number; paidHalalas: number; status: string }[];
}

describe('a BNPL plan over HTTP', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('goes offer → plan → two installment payments → early settlement → COMPLETED, and exposure returns to zero', async () => {
    const api = apiClient(runtime.baseUrl);
    const { accessToken: token } = await assessedCustomer(runtime.baseUrl);

    const offer = await api.call<{ offerId: string; financedHalalas: number; feesHalalas: number; installments: { amountHalalas: number; dueDate: string }[] }>('POST', '/v1/plans/offers', {
      token,
      // Within the MEDIUM-risk ceiling (half the limit), so any ordinary simulated customer qualifies.
      body: { amountHalalas: 300_000, downPaymentHalalas: 100_000, installmentCount: 3 },
    });
    expect(offer.status).toBe(201);
    expect(offer.body.financedHalalas).toBe(200_000);
    expect(offer.body.feesHalalas).toBe(0);
    expect(offer.body.installments.map((installment) => installment.amountHalalas)).toEqual([66_667, 66_667, 66_666]);

    const created = await api.call<PlanView>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
    expect(created.status).toBe(201);
    const { planId } = created.body;
    // The limit is the SAMA limit, or the MEDIUM ceiling (half of it) for a MEDIUM-risk simulated customer.
    const exposure = (await api.call<{ limitHalalas: number; outstandingHalalas: number; availableHalalas: number }>('GET', '/v1/customers/me/exposure', { token })).body;
    expect([500_000, 250_000]).toContain(exposure.limitHalalas);
    expect(exposure).toEqual({ limitHalalas: exposure.limitHalalas, outstandingHalalas: 200_000, availableHalalas: exposure.limitHalalas - 200_000 });

    const pay = async (path: string, body: Record<string, unknown>, expectedOutstanding: number): Promise<PlanView> => {
      const intent = await api.call<{ status: string }>('POST', path, { token, body, headers: { 'idempotency-key': randomUUID() } });
      expect(intent.status).toBe(201);
      expect(intent.body.status).toBe('PENDING');
      return eventually(
        async () => {
          const plan = await api.call<PlanView>('GET', `/v1/plans/${planId}`, { token });
          return plan.body.outstandingHalalas === expectedOutstanding ? plan.body : undefined;
        },
        { description: `the gateway to confirm down to ${expectedOutstanding}` },
      );
    };

    const afterFirst = await pay(`/v1/plans/${planId}/payments`, { amountHalalas: 66_667, method: 'MADA' }, 133_333);
    expect(afterFirst.installments[0]).toMatchObject({ paidHalalas: 66_667, status: 'PAID' });
    await pay(`/v1/plans/${planId}/payments`, { amountHalalas: 66_667, method: 'APPLE_PAY' }, 66_666);
    const settled = await pay(`/v1/plans/${planId}/early-settlement`, { method: 'MADA' }, 0);

    expect(settled.status).toBe('COMPLETED');
    expect((await api.call('GET', '/v1/customers/me/exposure', { token })).body).toEqual({ limitHalalas: exposure.limitHalalas, outstandingHalalas: 0, availableHalalas: exposure.limitHalalas });
    const statement = await api.call<{ journals: { entries: { side: string; amountHalalas: number }[] }[] }>('GET', `/v1/plans/${planId}/statement`, { token });
    // The gateway delivers every confirmation twice; still exactly one opening journal and three payment journals.
    expect(statement.body.journals).toHaveLength(4);
    for (const journal of statement.body.journals) {
      const debits = journal.entries.filter((entry) => entry.side === 'DEBIT').reduce((sum, entry) => sum + entry.amountHalalas, 0);
      const credits = journal.entries.filter((entry) => entry.side === 'CREDIT').reduce((sum, entry) => sum + entry.amountHalalas, 0);
      expect(debits).toBe(credits);
    }

    const ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
    const trialBalance = await api.call<{ balanced: boolean; debitHalalas: number }>('GET', '/v1/ops/ledger/trial-balance', { token: ops.accessToken });
    expect(trialBalance.status).toBe(200);
    expect(trialBalance.body.balanced).toBe(true);
    expect((await api.call('GET', '/v1/ops/ledger/trial-balance', { token })).status).toBe(403);
  });

  it('replays the first response for a repeated Idempotency-Key and refuses the key with a different body', async () => {
    const api = apiClient(runtime.baseUrl);
    const { accessToken: token } = await assessedCustomer(runtime.baseUrl);
    const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 100_000, installmentCount: 2 } });
    const key = randomUUID();

    const first = await api.call<PlanView>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': key } });
    const replay = await api.call<PlanView>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': key } });
    const otherOffer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 50_000, installmentCount: 1 } });
    const reused = await api.call<{ error: { code: string } }>('POST', '/v1/plans', { token, body: { offerId: otherOffer.body.offerId }, headers: { 'idempotency-key': key } });

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const plans = await api.call<{ plans: PlanView[] }>('GET', '/v1/plans', { token });
    expect(plans.body.plans).toHaveLength(1);
  });

  it('refuses an offer above the SAMA exposure limit with every violated rule, and a reused offer with 409', async () => {
    const api = apiClient(runtime.baseUrl);
    const { accessToken: token } = await assessedCustomer(runtime.baseUrl);

    const tooBig = await api.call<{ error: { code: string; details: { field: string }[] } }>('POST', '/v1/plans/offers', {
      token,
      body: { amountHalalas: 600_000, installmentCount: 13 },
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.error.code).toBe('INSTALLMENT_COUNT_OUT_OF_RANGE');
    expect(tooBig.body.error.details.map((detail) => detail.field)).toEqual(['INSTALLMENT_COUNT_OUT_OF_RANGE', 'EXPOSURE_LIMIT_EXCEEDED']);

    const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 100_000, installmentCount: 4 } });
    await api.call('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
    const again = await api.call<{ error: { code: string } }>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('OFFER_ALREADY_USED');
  });

  it('cancels a plan in the cooling-off window, releasing its exposure and reversing its journal', async () => {
    const api = apiClient(runtime.baseUrl);
    const { accessToken: token } = await assessedCustomer(runtime.baseUrl);
    const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 120_000, installmentCount: 6 } });
    const plan = await api.call<PlanView>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });

    const cancellationKey = randomUUID();
    const cancel = () => api.call<PlanView>('POST', `/v1/plans/${plan.body.planId}/cancellation`, { token, headers: { 'idempotency-key': cancellationKey } });

    const cancelled = await cancel();
    const retried = await cancel();

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    // A client retry of the same cancellation gets the original answer, not CANCELLATION_NOT_ALLOWED.
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(cancelled.body);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await api.call<{ outstandingHalalas: number }>('GET', '/v1/customers/me/exposure', { token })).body.outstandingHalalas).toBe(0);
    const statement = await api.call<{ journals: { reverses?: string }[] }>('GET', `/v1/plans/${plan.body.planId}/statement`, { token });
    expect(statement.body.journals.filter((journal) => journal.reverses !== undefined)).toHaveLength(1);
  });

  it('refuses a payment above the balance and an amount that is not a positive integer', async () => {
    const api = apiClient(runtime.baseUrl);
    const { accessToken: token } = await assessedCustomer(runtime.baseUrl);
    const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 90_000, installmentCount: 3 } });
    const plan = await api.call<PlanView>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
    const path = `/v1/plans/${plan.body.planId}/payments`;

    const tooMuch = await api.call<{ error: { code: string } }>('POST', path, { token, body: { amountHalalas: 90_001, method: 'MADA' }, headers: { 'idempotency-key': randomUUID() } });
    const fractional = await api.call('POST', path, { token, body: { amountHalalas: 10.5, method: 'MADA' }, headers: { 'idempotency-key': randomUUID() } });
    const cash = await api.call('POST', path, { token, body: { amountHalalas: 100, method: 'CASH' }, headers: { 'idempotency-key': randomUUID() } });

    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('PAYMENT_EXCEEDS_BALANCE');
    expect(fractional.status).toBe(400);
    expect(cash.status).toBe(400);
  });
});

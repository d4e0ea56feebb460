/**
 * Money held in suspense over HTTP: the gateway simulator captures an amount ending in 17 halalas one halala short, the
 * signed confirmation matches no intent, and the money waits in the reconciliation queue until an ops user proposes
 * the plan and a different staff user (compliance) confirms, or the two refund it through the gateway.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { apiClient } from '../support/api-client.ts';
import { assessedCustomer } from '../support/customer-setup.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { signIn } from '../support/sign-in.ts';

interface ItemView {
  itemId: string;
  status: string;
  reason: string;
  amountHalalas: number;
  reportedPlanId: string;
}

describe('unapplied cash over HTTP', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  /** A customer's SAR 1,000 plan, a payment the gateway simulator captures one halala short, and its item in the queue. */
  async function shortCapture(intentHalalas: number) {
    const api = apiClient(runtime.baseUrl);
    const { accessToken: token } = await assessedCustomer(runtime.baseUrl);
    const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 100_000, installmentCount: 2 } });
    const plan = await api.call<{ planId: string }>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
    const { planId } = plan.body;
    const ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
    const compliance = await signIn(runtime.baseUrl, TEST_IDENTITIES.complianceStaff.nationalId);
    const intent = await api.call('POST', `/v1/plans/${planId}/payments`, { token, body: { amountHalalas: intentHalalas, method: 'MADA' }, headers: { 'idempotency-key': randomUUID() } });
    const item = await eventually(
      async () => (await api.call<{ items: ItemView[] }>('GET', '/v1/ops/reconciliation/items?limit=100', { token: ops.accessToken })).body.items.find((candidate) => candidate.reportedPlanId === planId),
      { description: 'the short capture to reach the reconciliation queue' },
    );
    return { api, token, planId, ops, compliance, intent, item };
  }

  it('is held in suspense when the gateway captures a different amount, and applied to the plan under four eyes', async () => {
    const { api, token, planId, ops, compliance, intent, item } = await shortCapture(10_017);
    const decide = (step: 'resolution-proposal' | 'resolution-confirmation', staffToken: string) =>
      api.call<ItemView & { error?: { code: string } }>('POST', `/v1/ops/reconciliation/items/${item.itemId}/${step}`, { token: staffToken, body: { planId } });

    const customerRefused = await api.call('GET', '/v1/ops/reconciliation/items', { token });
    const proposal = await decide('resolution-proposal', ops.accessToken);
    const selfConfirmation = await decide('resolution-confirmation', ops.accessToken);
    const confirmation = await decide('resolution-confirmation', compliance.accessToken);

    expect(intent.status).toBe(201);
    expect(item).toMatchObject({ status: 'OPEN', reason: 'AMOUNT_MISMATCH', amountHalalas: 10_016 });
    expect(customerRefused.status).toBe(403);
    expect(proposal.body.status).toBe('RESOLUTION_PROPOSED');
    expect(selfConfirmation.status).toBe(403);
    expect(selfConfirmation.body.error?.code).toBe('FOUR_EYES_REQUIRED');
    expect(confirmation.status).toBe(200);
    expect(confirmation.body.status).toBe('RESOLVED');
    expect((await api.call<{ outstandingHalalas: number }>('GET', `/v1/plans/${planId}`, { token })).body.outstandingHalalas).toBe(100_000 - 10_016);
    const statement = await api.call<{ journals: { description: string }[] }>('GET', `/v1/plans/${planId}/statement`, { token });
    expect(statement.body.journals.map((journal) => journal.description)).toEqual(['Plan opened', `Unapplied cash ${item.itemId} applied`]);
    const trialBalance = await api.call<{ balanced: boolean }>('GET', '/v1/ops/ledger/trial-balance', { token: ops.accessToken });
    expect(trialBalance.body.balanced).toBe(true);
  });

  it('is refunded through the gateway under four eyes, leaving suspense only when the gateway reports the refund', async () => {
    const { api, token, planId, ops, compliance, item } = await shortCapture(20_017);
    const suspense = async () => {
      const { accounts } = (await api.call<{ accounts: Record<string, { debitHalalas: number; creditHalalas: number }> }>('GET', '/v1/ops/ledger/trial-balance', { token: ops.accessToken })).body;
      return accounts.UNAPPLIED_CASH!.creditHalalas - accounts.UNAPPLIED_CASH!.debitHalalas;
    };
    const suspenseBefore = await suspense();
    const decide = (step: 'resolution-proposal' | 'resolution-confirmation', staffToken: string) =>
      api.call<ItemView & { error?: { code: string }; resolution?: { refundId?: string } }>('POST', `/v1/ops/reconciliation/items/${item.itemId}/${step}`, { token: staffToken, body: { refund: true } });

    const proposal = await decide('resolution-proposal', ops.accessToken);
    const selfConfirmation = await decide('resolution-confirmation', ops.accessToken);
    const confirmation = await decide('resolution-confirmation', compliance.accessToken);
    expect(proposal.body.status).toBe('RESOLUTION_PROPOSED');
    expect([selfConfirmation.status, selfConfirmation.body.error?.code]).toEqual([403, 'FOUR_EYES_REQUIRED']);
    expect([confirmation.status, confirmation.body.status, confirmation.body.resolution?.refundId]).toEqual([200, 'REFUND_REQUESTED', `${item.itemId}-SUSPENSE-REFUND-1`]);

    const resolved = await eventually(
      async () => {
        const queue = await api.call<{ items: ItemView[] }>('GET', '/v1/ops/reconciliation/items?limit=100', { token: ops.accessToken });
        return queue.body.items.find((candidate) => candidate.itemId === item.itemId && candidate.status === 'RESOLVED');
      },
      { description: 'the gateway to report the refund' },
    );
    expect(resolved.amountHalalas).toBe(20_016);
    expect(await suspense()).toBe(suspenseBefore - 20_016);
    // The plan never saw the money: it still owes all of it.
    expect((await api.call<{ outstandingHalalas: number }>('GET', `/v1/plans/${planId}`, { token })).body.outstandingHalalas).toBe(100_000);
  });
});

/**
 * Money the gateway reports as received is always recorded, against DynamoDB Local: a confirmation that matches no
 * payable intent goes to suspense as a reconciliation item, once, and staff apply it to a plan under four eyes, the
 * money leaving suspense and reaching the plan in one transaction, or refund it through the gateway.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import type { Payment, Plan } from '../../support/money-path.ts';
import { confirmReconciliationResolution, listReconciliationItems, proposeReconciliationResolution, rejectReconciliationResolution } from '../../../shared/payments/app/reconciliation.ts';
import { settleRefundOutcome } from '../../../shared/payments/app/refunds.ts';
import { createPaymentIntent, createPlan, settlePayment, type PlanDeps } from '../../support/money-path.ts';
import { creditworthyCustomer, customerPrincipal, idempotencyScope, outboxEventsAbout, planDepsOnFreshTable, savedOffer } from '../../support/plan-fixtures.ts';

let deps: PlanDeps;
const opsUser = (principalId: string) => ({ principalId, roles: ['ops' as const] });
const firstOps = opsUser('staff-ops-1');
const secondStaff = { principalId: 'staff-compliance-1', roles: ['compliance' as const] };

beforeAll(async () => {
  deps = await planDepsOnFreshTable();
});

async function planWithIntent(financedHalalas: number, intentHalalas: number): Promise<{ customerId: string; plan: Plan; payment: Payment }> {
  const customerId = await creditworthyCustomer();
  const offer = await savedOffer(deps.offerStore, customerId, financedHalalas);
  const created = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps);
  if (created.kind !== 'performed') throw new Error('expected a new plan');
  const intent = await createPaymentIntent(
    { principal: customerPrincipal(customerId), planId: created.value.planId, amountHalalas: intentHalalas, method: 'MADA', correlationId: 'it', idempotency: idempotencyScope(customerId) },
    deps,
  );
  if (intent.kind !== 'performed') throw new Error('expected a new payment');
  return { customerId, plan: created.value, payment: intent.value };
}

async function suspenseBalanceHalalas(): Promise<number> {
  const balance = (await deps.ledger.trialBalance()).get('UNAPPLIED_CASH') ?? { debitHalalas: 0, creditHalalas: 0 };
  return balance.creditHalalas - balance.debitHalalas;
}

async function itemFor(gatewayEventId: string) {
  const { items } = await listReconciliationItems({ limit: 100, cursor: undefined }, deps.reconciliation);
  return items.find((item) => item.gatewayEventId === gatewayEventId);
}

describe('a confirmation that matches no payable intent', () => {
  it('is held in suspense once when the amount differs from the intent, and the plan is untouched', async () => {
    const { plan, payment } = await planWithIntent(40_000, 10_000);
    const suspenseBefore = await suspenseBalanceHalalas();
    const notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' as const, planId: plan.planId, paymentId: payment.paymentId, amountHalalas: 9_999, correlationId: 'it' };

    const first = await settlePayment(notification, deps);
    const redelivered = await settlePayment(notification, deps);

    // The redelivery holds nothing more, but says the money is held, so the operator is paged again.
    expect([first, redelivered]).toEqual(['held-for-reconciliation', 'duplicate-held-for-reconciliation']);
    expect(await suspenseBalanceHalalas()).toBe(suspenseBefore + 9_999);
    expect(await itemFor(notification.gatewayEventId)).toMatchObject({ status: 'OPEN', reason: 'AMOUNT_MISMATCH', amountHalalas: 9_999, reportedPlanId: plan.planId });
    expect(await deps.planStore.findPlan(plan.planId)).toMatchObject({ outstandingHalalas: 40_000, payableHalalas: 30_000 });
    const balances = [...(await deps.ledger.trialBalance()).values()];
    expect(balances.reduce((sum, balance) => sum + balance.debitHalalas, 0)).toBe(balances.reduce((sum, balance) => sum + balance.creditHalalas, 0));
  });

  it('is held in suspense when the plan and payment it names do not exist', async () => {
    const notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' as const, planId: ulidGenerator.newId(), paymentId: ulidGenerator.newId(), amountHalalas: 5_000, correlationId: 'it' };

    expect(await settlePayment(notification, deps)).toBe('held-for-reconciliation');
    expect(await itemFor(notification.gatewayEventId)).toMatchObject({ reason: 'UNKNOWN_PAYMENT', amountHalalas: 5_000 });
  });

  it('is held in suspense when the gateway confirms a payment it had already failed', async () => {
    const { plan, payment } = await planWithIntent(40_000, 10_000);
    const failed = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'FAILED' as const, planId: plan.planId, paymentId: payment.paymentId, amountHalalas: 10_000, correlationId: 'it' };
    await settlePayment(failed, deps);

    const contradicting = await settlePayment({ ...failed, gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' }, deps);

    expect(contradicting).toBe('held-for-reconciliation');
    expect(await deps.planStore.findPlan(plan.planId)).toMatchObject({ outstandingHalalas: 40_000, payableHalalas: 40_000 });
  });

  it('that is a failure for an unknown payment is still refused, since no money moved', async () => {
    const failure = settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'FAILED', planId: ulidGenerator.newId(), paymentId: ulidGenerator.newId(), amountHalalas: 5_000, correlationId: 'it' }, deps);

    await expect(failure).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });
});

describe('resolving a reconciliation item', () => {
  async function heldItem(): Promise<{ customerId: string; plan: Plan; itemId: string }> {
    const { customerId, plan, payment } = await planWithIntent(40_000, 10_000);
    const gatewayEventId = `evt_${randomUUID()}`;
    await settlePayment({ gatewayEventId, outcome: 'CONFIRMED', planId: plan.planId, paymentId: payment.paymentId, amountHalalas: 15_000, correlationId: 'it' }, deps);
    const item = await itemFor(gatewayEventId);
    if (item === undefined) throw new Error('expected a held item');
    return { customerId, plan, itemId: item.itemId };
  }

  it('moves the money from suspense to the plan only when a second staff user confirms, and only once', async () => {
    const { customerId, plan, itemId } = await heldItem();
    const suspenseBefore = await suspenseBalanceHalalas();
    const decision = { itemId, target: { planId: plan.planId }, correlationId: 'it' };

    const proposal = await proposeReconciliationResolution({ ...decision, principal: firstOps }, deps);
    const selfConfirmation = await confirmReconciliationResolution({ ...decision, principal: firstOps }, deps).catch((error: unknown) => error);
    const planAfterProposal = await deps.planStore.findPlan(plan.planId);
    const confirmation = await confirmReconciliationResolution({ ...decision, principal: secondStaff }, deps);
    const repeated = await confirmReconciliationResolution({ ...decision, principal: secondStaff }, deps);

    expect(proposal.status).toBe('RESOLUTION_PROPOSED');
    expect(selfConfirmation).toBeInstanceOf(RabhanError);
    expect(selfConfirmation).toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    expect(planAfterProposal).toMatchObject({ outstandingHalalas: 40_000 });
    expect(confirmation).toMatchObject({ status: 'RESOLVED', resolution: { proposedBy: firstOps.principalId, confirmedBy: secondStaff.principalId } });
    expect(repeated).toEqual(confirmation);
    // 40,000 owed, 10,000 still reserved by the intent: the 15,000 applied leaves 25,000 owed and 15,000 payable.
    expect(await deps.planStore.findPlan(plan.planId)).toMatchObject({ outstandingHalalas: 25_000, payableHalalas: 15_000 });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(25_000);
    expect(await suspenseBalanceHalalas()).toBe(suspenseBefore - 15_000);
    const journals = await deps.planStore.listJournals(plan.planId, 100);
    expect(journals.map((journal) => journal.description)).toEqual(['Plan opened', `Unapplied cash ${itemId} applied`]);
    expect(await outboxEventsAbout(plan.planId, 'Unapplied Cash Applied')).toEqual([expect.objectContaining({ reconciliationItemId: itemId, amountHalalas: 15_000, outstandingHalalas: 25_000 })]);
  });

  it('refuses a confirmation naming another plan, and a proposal for a plan that cannot take the amount', async () => {
    const { plan, itemId } = await heldItem();
    const other = await planWithIntent(10_000, 1_000);

    const tooSmall = await proposeReconciliationResolution({ itemId, target: { planId: other.plan.planId }, principal: firstOps }, deps).catch((error: unknown) => error);
    await proposeReconciliationResolution({ itemId, target: { planId: plan.planId }, principal: firstOps }, deps);
    const mismatch = await confirmReconciliationResolution({ itemId, target: { planId: other.plan.planId }, principal: secondStaff, correlationId: 'it' }, deps).catch((error: unknown) => error);

    expect(tooSmall).toMatchObject({ code: 'RECONCILIATION_AMOUNT_EXCEEDS_BALANCE' });
    expect(mismatch).toMatchObject({ code: 'RECONCILIATION_PROPOSAL_MISMATCH' });
    expect(await deps.planStore.findPlan(other.plan.planId)).toMatchObject({ outstandingHalalas: 10_000 });
  });

  it('lets a wrong proposal be rejected and the item proposed again, so its money is not stranded', async () => {
    const { plan, itemId } = await heldItem();
    const wrong = await planWithIntent(40_000, 1_000);
    await proposeReconciliationResolution({ itemId, target: { planId: wrong.plan.planId }, principal: firstOps }, deps);

    const rejected = await rejectReconciliationResolution({ itemId, principal: secondStaff }, deps);
    await proposeReconciliationResolution({ itemId, target: { planId: plan.planId }, principal: firstOps }, deps);
    const confirmed = await confirmReconciliationResolution({ itemId, target: { planId: plan.planId }, principal: secondStaff, correlationId: 'it' }, deps);

    expect(rejected.status).toBe('OPEN');
    expect(rejected.proposal).toBeUndefined();
    expect((await deps.reconciliation.findItem(itemId))?.auditHead.sequence).toBe(5);
    expect(confirmed.resolution?.planId).toBe(plan.planId);
    expect(await deps.planStore.findPlan(wrong.plan.planId)).toMatchObject({ outstandingHalalas: 40_000 });
  });

  it('pages through the queue newest first and refuses a cursor that is not an item id', async () => {
    await heldItem();
    await heldItem();

    const first = await listReconciliationItems({ limit: 1, cursor: undefined }, deps.reconciliation);
    const second = await listReconciliationItems({ limit: 1, cursor: first.nextCursor }, deps.reconciliation);

    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.itemId < first.items[0]!.itemId).toBe(true);
    await expect(listReconciliationItems({ limit: 1, cursor: Buffer.from('PLAN#x').toString('base64url') }, deps.reconciliation)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('refunding a reconciliation item', () => {
  async function heldItemOf(amountHalalas: number): Promise<string> {
    const { plan, payment } = await planWithIntent(40_000, 10_000);
    const gatewayEventId = `evt_${randomUUID()}`;
    await settlePayment({ gatewayEventId, outcome: 'CONFIRMED', planId: plan.planId, paymentId: payment.paymentId, amountHalalas, correlationId: 'it' }, deps);
    const item = await itemFor(gatewayEventId);
    if (item === undefined) throw new Error('expected a held item');
    return item.itemId;
  }
  const refund = { refund: true } as const;
  const gatewaySays = (refundId: string, outcome: 'SUCCEEDED' | 'FAILED', gatewayEventId = `evt_${randomUUID()}`) =>
    settleRefundOutcome({ gatewayEventId, outcome, refundId, amountHalalas: 15_000, reason: outcome === 'FAILED' ? 'card closed' : undefined, correlationId: 'it' }, deps);

  it('asks the gateway only after a second staff user confirms, and keeps the money in suspense until the gateway reports the refund', async () => {
    const itemId = await heldItemOf(15_000);
    const suspenseBefore = await suspenseBalanceHalalas();

    await proposeReconciliationResolution({ itemId, target: refund, principal: firstOps }, deps);
    const selfConfirmation = await confirmReconciliationResolution({ itemId, target: refund, principal: firstOps, correlationId: 'it' }, deps).catch((error: unknown) => error);
    const mismatch = await confirmReconciliationResolution({ itemId, target: { planId: ulidGenerator.newId() }, principal: secondStaff, correlationId: 'it' }, deps).catch((error: unknown) => error);
    const confirmed = await confirmReconciliationResolution({ itemId, target: refund, principal: secondStaff, correlationId: 'it' }, deps);
    const repeated = await confirmReconciliationResolution({ itemId, target: refund, principal: secondStaff, correlationId: 'it' }, deps);

    expect(selfConfirmation).toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    expect(mismatch).toMatchObject({ code: 'RECONCILIATION_PROPOSAL_MISMATCH' });
    expect(confirmed).toMatchObject({ status: 'REFUND_REQUESTED', refundAttemptCount: 1, resolution: { refund: true, refundId: `${itemId}-SUSPENSE-REFUND-1`, proposedBy: firstOps.principalId, confirmedBy: secondStaff.principalId } });
    expect(repeated).toEqual(confirmed);
    expect(await suspenseBalanceHalalas()).toBe(suspenseBefore);
    expect(await outboxEventsAbout(itemId, 'Unapplied Cash Refund Requested', 'reconciliationItemId')).toEqual([
      expect.objectContaining({ refundId: `${itemId}-SUSPENSE-REFUND-1`, amountHalalas: 15_000 }),
    ]);

    const eventId = `evt_${randomUUID()}`;
    expect(await gatewaySays(`${itemId}-SUSPENSE-REFUND-1`, 'SUCCEEDED', eventId)).toBe('settled');
    expect(await gatewaySays(`${itemId}-SUSPENSE-REFUND-1`, 'SUCCEEDED', eventId)).toBe('duplicate');
    expect(await gatewaySays(`${itemId}-SUSPENSE-REFUND-1`, 'SUCCEEDED')).toBe('already-settled');
    expect(await suspenseBalanceHalalas()).toBe(suspenseBefore - 15_000);
    expect((await deps.reconciliation.findItem(itemId))?.item).toMatchObject({ status: 'RESOLVED', resolution: { refund: true } });
  });

  it('opens the item again when the gateway fails the refund, and a new refund gets a new id', async () => {
    const itemId = await heldItemOf(15_000);
    const suspenseBefore = await suspenseBalanceHalalas();
    await proposeReconciliationResolution({ itemId, target: refund, principal: firstOps }, deps);
    await confirmReconciliationResolution({ itemId, target: refund, principal: secondStaff, correlationId: 'it' }, deps);

    expect(await gatewaySays(`${itemId}-SUSPENSE-REFUND-1`, 'FAILED')).toBe('failed');
    const reopened = (await deps.reconciliation.findItem(itemId))?.item;
    expect(reopened).toMatchObject({ status: 'OPEN', refundAttemptCount: 1 });
    expect(reopened?.proposal).toBeUndefined();
    expect(reopened?.resolution).toBeUndefined();
    expect(await suspenseBalanceHalalas()).toBe(suspenseBefore);

    await proposeReconciliationResolution({ itemId, target: refund, principal: firstOps }, deps);
    const second = await confirmReconciliationResolution({ itemId, target: refund, principal: secondStaff, correlationId: 'it' }, deps);
    expect(second.resolution?.refundId).toBe(`${itemId}-SUSPENSE-REFUND-2`);
    // The first attempt's late success report changes nothing: that refund failed, and this one is still awaited.
    expect(await gatewaySays(`${itemId}-SUSPENSE-REFUND-1`, 'SUCCEEDED')).toBe('already-settled');
    await expect(gatewaySays(`${itemId}-SUSPENSE-REFUND-3`, 'SUCCEEDED')).rejects.toMatchObject({ code: 'REFUND_NOT_FOUND' });
    expect(await gatewaySays(`${itemId}-SUSPENSE-REFUND-2`, 'SUCCEEDED')).toBe('settled');
    expect(await suspenseBalanceHalalas()).toBe(suspenseBefore - 15_000);
  });
});

/**
 * The money invariants under concurrency, against DynamoDB Local: exposure never exceeds the limit however many
 * plans race for it, one Idempotency-Key has one effect, and webhook replays post nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbPaymentStore } from '../../../shared/payments/adapters/payment-store.ts';
import { createDocumentClient } from '../../../shared/kernel/storage/document-client.ts';
import { keys } from '../../../shared/catalog/keys.ts';
import { findBrokenLink, type ChainedAuditEntry } from '../../../shared/audit/domain/audit-chain.ts';
import { openGatewayCheckout, type CheckoutGateway, type CheckoutRequest } from '../../../shared/payments/app/checkout.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import type { Offer, Payment } from '../../support/money-path.ts';
import { cancelPlan, createPaymentIntent, createPlan, expirePaymentIntents, planStatement, markOverdueInstallments, settlePayment, type PlanDeps } from '../../support/money-path.ts';
import { creditworthyCustomer, customerPrincipal, idempotencyScope, planDepsOnFreshTable, savedOffer, storeInterleaving } from '../../support/plan-fixtures.ts';

let deps: PlanDeps;

const offerFor = (customerId: string, financedHalalas: number): Promise<Offer> => savedOffer(deps.offerStore, customerId, financedHalalas);

beforeAll(async () => {
  deps = await planDepsOnFreshTable();
});

/** A creditworthy customer's new, untouched plan. */
async function newPlan(financedHalalas: number): Promise<{ customerId: string; planId: string }> {
  const customerId = await creditworthyCustomer();
  const created = await createPlan(
    { principal: customerPrincipal(customerId), offerId: (await offerFor(customerId, financedHalalas)).offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) },
    deps,
  );
  if (created.kind !== 'performed') throw new Error('expected a new plan');
  return { customerId, planId: created.value.planId };
}

/** A new plan with one PENDING payment intent. */
async function planWithIntent(financedHalalas: number, intentHalalas: number): Promise<{ customerId: string; planId: string; payment: Payment }> {
  const { customerId, planId } = await newPlan(financedHalalas);
  return { customerId, planId, payment: await payIntoPlan(customerId, planId, intentHalalas) };
}

async function payIntoPlan(customerId: string, planId: string, amountHalalas: number): Promise<Payment> {
  const intent = await createPaymentIntent(
    { principal: customerPrincipal(customerId), planId, amountHalalas, method: 'MADA', correlationId: 'it', idempotency: idempotencyScope(customerId) },
    deps,
  );
  if (intent.kind !== 'performed') throw new Error('expected a new payment');
  return intent.value;
}

describe('the SAMA exposure limit', () => {
  it('holds when 50 plans for one customer are created at once and only some fit', async () => {
    const customerId = await creditworthyCustomer();
    // 50 plans of SAR 300: the SAR 5,000 limit admits exactly 16 of them.
    const offers = await Promise.all(Array.from({ length: 50 }, () => offerFor(customerId, 30_000)));

    const results = await Promise.allSettled(
      offers.map((offer) => createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps)),
    );

    const created = results.filter((result) => result.status === 'fulfilled');
    const refusals = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(created).toHaveLength(16);
    expect(refusals.every((refusal) => refusal.reason instanceof RabhanError && refusal.reason.code === 'EXPOSURE_LIMIT_EXCEEDED')).toBe(true);
    const exposure = await deps.offerStore.findApplicant(customerId);
    expect(exposure?.outstandingHalalas).toBe(16 * 30_000);
    const page = await deps.planStore.listPlans(customerId, 100, undefined);
    expect(page.plans.reduce((sum, plan) => sum + plan.outstandingHalalas, 0)).toBe(exposure?.outstandingHalalas);
  });
});

describe('an Idempotency-Key', () => {
  it('has one effect when the same request is sent ten times at once', async () => {
    const customerId = await creditworthyCustomer();
    const offer = await offerFor(customerId, 50_000);
    const shared = idempotencyScope(customerId);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: shared }, deps)),
    );

    const performed = results.filter((result) => result.status === 'fulfilled' && result.value.kind === 'performed');
    expect(performed).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(RabhanError);
        expect(['IDEMPOTENCY_KEY_IN_USE', 'OFFER_ALREADY_USED']).toContain((result.reason as RabhanError).code);
      }
    }
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(50_000);
    const replay = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: shared }, deps);
    expect(replay.kind).toBe('replayed');
  });
});

describe('payment confirmation', () => {
  it('posts a confirmed payment once however often and in whatever order the webhook arrives', async () => {
    const { customerId, planId, payment } = await planWithIntent(40_000, 20_000);
    const notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' as const, planId, paymentId: payment.paymentId, amountHalalas: 20_000, correlationId: 'it' };

    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => settlePayment(notification, deps)),
      // A late "failed" for the same payment under another event id must not undo the confirmation.
      settlePayment({ ...notification, gatewayEventId: `evt_${randomUUID()}`, outcome: 'FAILED' }, deps),
    ]);

    const plan = await deps.planStore.findPlan(planId);
    const journals = await deps.planStore.listJournals(planId, 100);
    const settledCount = results.filter((result) => result.status === 'fulfilled' && result.value === 'settled').length;
    expect(settledCount).toBe(1);
    if (plan?.outstandingHalalas === 20_000) {
      expect(journals).toHaveLength(2);
      expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(20_000);
    } else {
      // The FAILED notification won the race: nothing was posted and the balance is payable again.
      expect(plan?.outstandingHalalas).toBe(40_000);
      expect(plan?.payableHalalas).toBe(40_000);
      expect(journals).toHaveLength(1);
    }
    const balances = await deps.ledger.trialBalance();
    const debits = [...balances.values()].reduce((sum, balance) => sum + balance.debitHalalas, 0);
    const credits = [...balances.values()].reduce((sum, balance) => sum + balance.creditHalalas, 0);
    expect(debits).toBe(credits);
  });
});

describe('a payment intent racing a plan update', () => {
  it('makes a confirmation read before the intent retry instead of writing back a stale payable balance', async () => {
    const { customerId, planId, payment } = await planWithIntent(40_000, 10_000);
    const notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' as const, planId, paymentId: payment.paymentId, amountHalalas: 10_000, correlationId: 'it' };
    const racing = { ...deps, paymentStore: storeInterleaving(deps.paymentStore, 'loadForSettlement', () => payIntoPlan(customerId, planId, 5_000)) };

    const stale = settlePayment(notification, racing);

    await expect(stale).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(await settlePayment(notification, deps)).toBe('settled');
    const plan = await deps.planStore.findPlan(planId);
    // 40,000 financed − 10,000 paid = 30,000 owed, of which the second intent still reserves 5,000.
    expect(plan).toMatchObject({ outstandingHalalas: 30_000, payableHalalas: 25_000 });
  });

  it('re-reads a confirmation that loses its race to the expiry job and applies it as a late confirmation, not as a duplicate', async () => {
    const { customerId, planId, payment } = await planWithIntent(40_000, 10_000);
    const afterExpiry = { ...deps, clock: { now: () => new Date(payment.expiresAt.getTime() + 1_000) } };
    let expiredInBetween = false;
    const racing = {
      ...deps,
      paymentStore: storeInterleaving(deps.paymentStore, 'loadForSettlement', async () => {
        if (expiredInBetween) return;
        expiredInBetween = true;
        await expirePaymentIntents({ correlationId: 'it' }, afterExpiry);
      }),
    };
    const notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' as const, planId, paymentId: payment.paymentId, amountHalalas: 10_000, correlationId: 'it' };

    const firstAttempt = await settlePayment(notification, racing).catch((error: unknown) => error);
    const retried = await settlePayment(notification, racing);

    expect(firstAttempt).toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(retried).toBe('settled');
    expect(await deps.planStore.findPlan(planId)).toMatchObject({ outstandingHalalas: 30_000, payableHalalas: 30_000 });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(30_000);
    expect(await deps.planStore.listJournals(planId, 100)).toHaveLength(2);
  });

  it('makes a cancellation read before the intent retry, and the retry refuses it because a payment is pending', async () => {
    const { customerId, planId } = await newPlan(40_000);
    const racing = { ...deps, planStore: storeInterleaving(deps.planStore, 'loadPlanForUpdate', () => payIntoPlan(customerId, planId, 5_000)) };
    const cancellation = () => ({ principal: customerPrincipal(customerId), planId, correlationId: 'it', idempotency: idempotencyScope(customerId) });

    const stale = cancelPlan(cancellation(), racing);

    await expect(stale).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
    await expect(cancelPlan(cancellation(), deps)).rejects.toMatchObject({ code: 'CANCELLATION_NOT_ALLOWED' });
    expect(await deps.planStore.findPlan(planId)).toMatchObject({ status: 'ACTIVE', outstandingHalalas: 40_000, payableHalalas: 35_000 });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(40_000);
  });
});

describe('a payment intent', () => {
  it("records the amount it reserves in the plan's audit chain, which still verifies against the plan's head", async () => {
    const { planId, payment } = await planWithIntent(40_000, 15_000);

    const { Items = [] } = await createDocumentClient().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :chain', ExpressionAttributeValues: { ':chain': keys.auditChain(keys.plan(planId).PK) }, ConsistentRead: true }),
    );
    const entries = Items.map(({ PK: _pk, SK: _sk, entityType: _type, ...entry }) => entry as unknown as ChainedAuditEntry);
    const plan = await deps.planStore.findPlan(planId);

    expect(entries.map((entry) => entry.action)).toEqual(['PLAN_CREATED', 'PAYMENT_AMOUNT_RESERVED']);
    expect(entries[1]).toMatchObject({ facts: { paymentId: payment.paymentId, amountHalalas: 15_000, method: 'MADA' } });
    expect(findBrokenLink(entries, plan!.auditHead.hash)).toBeUndefined();
  });
});

describe('the checkout consumer', () => {
  /** A gateway that records the checkouts it is asked to open. */
  function recordingGateway(): CheckoutGateway & { readonly opened: CheckoutRequest[] } {
    const opened: CheckoutRequest[] = [];
    return { opened, openCheckout: async (request) => void opened.push(request) };
  }

  it('opens a checkout for a PENDING intent, but none for an intent already failed or past its expiry, however late the event arrives', async () => {
    const { planId, payment: pending } = await planWithIntent(60_000, 10_000);
    const { payment: failed } = await planWithIntent(60_000, 10_000);
    await settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'FAILED', planId: failed.planId, paymentId: failed.paymentId, amountHalalas: 10_000, correlationId: 'it' }, deps);
    const gateway = recordingGateway();
    const eventOf = (payment: Payment) => ({ planId: payment.planId, paymentId: payment.paymentId, checkoutReference: payment.checkoutReference, amountHalalas: payment.amountHalalas, method: payment.method });

    const outcomes = [
      await openGatewayCheckout(eventOf(pending), { ...deps, gateway }),
      await openGatewayCheckout(eventOf(failed), { ...deps, gateway }),
      await openGatewayCheckout(eventOf(pending), { ...deps, gateway, clock: { now: () => new Date(pending.expiresAt.getTime() + 1_000) } }),
    ];

    expect(outcomes).toEqual(['opened', 'intent-settled', 'intent-expired']);
    expect(gateway.opened).toEqual([{ checkoutReference: pending.checkoutReference, planId, amountHalalas: 10_000, method: 'MADA' }]);
  });
});

describe('the payment intent expiry job', () => {
  it('fails an intent the gateway never settled once it expires, releasing its amount, and only once', async () => {
    const { planId, payment } = await planWithIntent(40_000, 15_000);
    const afterExpiry = { ...deps, clock: { now: () => new Date(payment.expiresAt.getTime() + 1_000) } };

    const beforeExpiry = await expirePaymentIntents({ correlationId: 'it' }, deps);
    const firstRun = await expirePaymentIntents({ correlationId: 'it' }, afterExpiry);
    const secondRun = await expirePaymentIntents({ correlationId: 'it' }, afterExpiry);

    expect(beforeExpiry.intentsExpired).toBe(0);
    expect(firstRun.intentsExpired).toBeGreaterThanOrEqual(1);
    expect(secondRun.intentsExpired).toBe(0);
    expect(await deps.planStore.findPlan(planId)).toMatchObject({ outstandingHalalas: 40_000, payableHalalas: 40_000 });
    const late = await settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'FAILED', planId, paymentId: payment.paymentId, amountHalalas: 15_000, correlationId: 'it' }, deps);
    expect(late).toBe('already-settled');
    expect(await deps.planStore.listJournals(planId, 100)).toHaveLength(1);
  });

  it('goes on past an intent whose expiry keeps failing, reports it, and a later run expires it', async () => {
    const { payment: stuck } = await planWithIntent(40_000, 15_000);
    const { payment: other } = await planWithIntent(40_000, 15_000);
    const afterExpiry = { ...deps, clock: { now: () => new Date(Math.max(stuck.expiresAt.getTime(), other.expiresAt.getTime()) + 1_000) } };
    // DynamoDB Local never throttles (docs/local-cloud.md), so aws-sdk-client-mock throttles every write to one
    // intent; all other commands go through to the real engine.
    const engine = createDocumentClient();
    const throttled = createDocumentClient();
    const throttling = mockClient(throttled);
    throttling.send.callThrough();
    throttling.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      const touchesStuck = (input.TransactItems ?? []).some((item) => item.Update?.Key?.SK === keys.payment(stuck.planId, stuck.paymentId).SK);
      if (touchesStuck) throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: {} });
      return engine.send(new TransactWriteCommand(input));
    });
    const failures: string[] = [];

    const firstRun = await expirePaymentIntents({ correlationId: 'it' }, { ...afterExpiry, paymentStore: new DynamoDbPaymentStore(throttled, String(process.env.TABLE_NAME)), onIntentFailed: (paymentId) => failures.push(paymentId) }).finally(() =>
      throttling.restore(),
    );
    const stuckAfterFirstRun = await deps.paymentStore.findPayment(stuck.planId, stuck.paymentId);
    const laterRun = await expirePaymentIntents({ correlationId: 'it' }, afterExpiry);

    expect(failures).toEqual([stuck.paymentId]);
    expect(firstRun.intentsFailed).toBe(1);
    expect((await deps.paymentStore.findPayment(other.planId, other.paymentId))?.status).toBe('FAILED');
    expect(stuckAfterFirstRun?.status).toBe('PENDING');
    expect(laterRun.intentsFailed).toBe(0);
    expect((await deps.paymentStore.findPayment(stuck.planId, stuck.paymentId))?.status).toBe('FAILED');
  });

  it('applies a confirmation the gateway delivers after the intent expired, once, since the customer did pay', async () => {
    const { customerId, planId, payment } = await planWithIntent(40_000, 15_000);
    await expirePaymentIntents({ correlationId: 'it' }, { ...deps, clock: { now: () => new Date(payment.expiresAt.getTime() + 1_000) } });
    const confirmation = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED' as const, planId, paymentId: payment.paymentId, amountHalalas: 15_000, correlationId: 'it' };

    const first = await settlePayment(confirmation, deps);
    const replay = await settlePayment({ ...confirmation, gatewayEventId: `evt_${randomUUID()}` }, deps);

    // Another confirmation under a new event id is a second capture: held in suspense, never applied twice.
    expect([first, replay]).toEqual(['settled', 'held-for-reconciliation']);
    expect(await deps.planStore.findPlan(planId)).toMatchObject({ outstandingHalalas: 25_000, payableHalalas: 25_000 });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(25_000);
    expect(await deps.planStore.listJournals(planId, 100)).toHaveLength(2);
  });
});

describe('the delinquency job', () => {
  it('marks overdue installments and buckets the plan once, and a second run changes nothing', async () => {
    const customerId = await creditworthyCustomer();
    const offer = await offerFor(customerId, 60_000);
    const created = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps);
    if (created.kind !== 'performed') throw new Error('expected a new plan');
    // Forty days after the first due date: the first installment is 31–60 days late.
    const firstDue = new Date(`${created.value.installments[0]!.dueDate}T12:00:00+03:00`);
    const later = { ...deps, clock: { now: () => new Date(firstDue.getTime() + 40 * 24 * 60 * 60 * 1000) } };

    const firstRun = await markOverdueInstallments({ correlationId: 'it' }, later);
    const secondRun = await markOverdueInstallments({ correlationId: 'it' }, later);

    const plan = await deps.planStore.findPlan(created.value.planId);
    expect(firstRun.plansUpdated).toBeGreaterThanOrEqual(1);
    expect(secondRun.plansUpdated).toBe(0);
    expect(plan?.delinquencyBucket).toBe('31-60');
    expect(plan?.installments[0]?.status).toBe('OVERDUE');
    expect(plan?.installments[1]?.status).toBe('OVERDUE');
  });
});

describe('offers and plan listing', () => {
  it('refuses an expired offer with OFFER_EXPIRED and changes nothing', async () => {
    const customerId = await creditworthyCustomer();
    const offer = await offerFor(customerId, 30_000);
    const afterExpiry = { ...deps, clock: { now: () => new Date(offer.expiresAt.getTime() + 1_000) } };

    const refusal = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, afterExpiry).catch((error: unknown) => error);

    expect((refusal as RabhanError).code).toBe('OFFER_EXPIRED');
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(0);
  });

  it("pages through a customer's plans with a cursor and refuses a cursor from another list", async () => {
    const customerId = await creditworthyCustomer();
    for (let index = 0; index < 5; index += 1) {
      const offer = await offerFor(customerId, 10_000);
      await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps);
    }

    const first = await deps.planStore.listPlans(customerId, 3, undefined);
    const second = await deps.planStore.listPlans(customerId, 3, first.nextCursor);
    const otherCustomer = await creditworthyCustomer();

    expect(first.plans).toHaveLength(3);
    expect(second.plans).toHaveLength(2);
    expect(new Set([...first.plans, ...second.plans].map((plan) => plan.planId)).size).toBe(5);
    await expect(deps.planStore.listPlans(otherCustomer, 3, first.nextCursor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(deps.planStore.listPlans(customerId, 3, 'not-a-cursor')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("pages through a plan's statement in posting order and refuses a cursor that is not a journal id", async () => {
    const { customerId, planId } = await newPlan(30_000);
    for (const amountHalalas of [10_000, 5_000]) {
      const payment = await payIntoPlan(customerId, planId, amountHalalas);
      await settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED', planId, paymentId: payment.paymentId, amountHalalas, correlationId: 'it' }, deps);
    }
    const query = { principal: customerPrincipal(customerId), planId, limit: 2 };

    const first = await planStatement({ ...query, cursor: undefined }, deps.planStore);
    const second = await planStatement({ ...query, cursor: first.nextCursor }, deps.planStore);

    expect(first.journals.map((journal) => journal.description)).toEqual(['Plan opened', expect.stringMatching(/^Payment /)]);
    expect(second.journals).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.journals, ...second.journals].map((journal) => journal.journalId)).size).toBe(3);
    await expect(planStatement({ ...query, cursor: Buffer.from('PLAN#x').toString('base64url') }, deps.planStore)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a forged cursor with a 400 rather than passing it to DynamoDB as a start key', async () => {
    const customerId = await creditworthyCustomer();
    const ownerKey = keys.ownedPlan(customerId, '01JABCDEFGHJKMNPQRSTVWXYZ0');
    const forgeries = [
      { ...ownerKey, PK: 7, SK: { nested: true } },
      { ...ownerKey, PK: 'PLAN#01JABCDEFGHJKMNPQRSTVWXYZ0', SK: 'PLAN', extra: 'x' },
      { ...ownerKey, PK: 'CUSTOMER#someone-else', SK: 'PLAN' },
      [1, 2, 3],
      null,
    ].map((forged) => Buffer.from(JSON.stringify(forged)).toString('base64url'));

    const outcomes = await Promise.allSettled(forgeries.map((cursor) => deps.planStore.listPlans(customerId, 3, cursor)));

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});

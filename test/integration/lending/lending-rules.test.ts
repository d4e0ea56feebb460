/**
 * Who may borrow more, against DynamoDB Local: the credit ceiling bounds a customer's whole outstanding balance,
 * a plan in arrears blocks new plans until a payment cures it (with events in both directions), and the nightly
 * delinquency run survives a plan that keeps failing.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/kernel/storage/document-client.ts';
import { DynamoDbDelinquencyStore } from '../../../shared/lending/adapters/delinquency-store.ts';
import { keys } from '../../../shared/catalog/keys.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import type { Plan } from '../../support/money-path.ts';
import { cancelPlan, createPaymentIntent, createPlan, markOverdueInstallments, settlePayment, type PlanDeps } from '../../support/money-path.ts';
import { creditworthyCustomer, customerPrincipal, idempotencyScope, outboxEventsAbout, planDepsOnFreshTable, savedOffer, storeInterleaving } from '../../support/plan-fixtures.ts';

let deps: PlanDeps;
const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  deps = await planDepsOnFreshTable();
});

async function planFor(customerId: string, financedHalalas: number, planDeps: PlanDeps = deps): Promise<Plan> {
  const offer = await savedOffer(deps.offerStore, customerId, financedHalalas);
  const created = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, planDeps);
  if (created.kind !== 'performed') throw new Error('expected a new plan');
  return created.value;
}

/** Deps whose clock reads `days` after the plan's first due date, noon in Riyadh. */
function daysAfterFirstDue(plan: Plan, days: number): PlanDeps {
  const firstDue = new Date(`${plan.installments[0]!.dueDate}T12:00:00+03:00`);
  return { ...deps, clock: { now: () => new Date(firstDue.getTime() + days * DAY_MILLISECONDS) } };
}

describe('the credit ceiling', () => {
  it("bounds a MEDIUM-risk customer's total outstanding balance when two SAR 2,000 plans are created at once", async () => {
    const customerId = await creditworthyCustomer({ maximumFinancingHalalas: 250_000 });
    const offers = await Promise.all([savedOffer(deps.offerStore, customerId, 200_000), savedOffer(deps.offerStore, customerId, 200_000)]);

    const results = await Promise.allSettled(
      offers.map((offer) => createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps)),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refusal = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refusal?.reason).toMatchObject({ code: 'EXPOSURE_LIMIT_EXCEEDED' });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(200_000);
  });
});

describe('the credit assessment a plan was judged on', () => {
  it('must still be the latest when the plan commits, so a newer, lower ceiling is judged before the plan can pass it', async () => {
    const customerId = await creditworthyCustomer();
    const offer = await savedOffer(deps.offerStore, customerId, 300_000);
    // A new assessment with a MEDIUM ceiling of SAR 2,500 lands after the plan read the LOW one and before it commits.
    const reassessed: PlanDeps = {
      ...deps,
      planStore: storeInterleaving(deps.planStore, 'loadForPlanCreation', async () => {
        await createDocumentClient().send(
          new UpdateCommand({
            TableName: process.env.TABLE_NAME,
            Key: keys.customer(customerId),
            UpdateExpression: 'SET latestAssessment = :newer',
            ExpressionAttributeValues: { ':newer': { assessmentId: ulidGenerator.newId(), status: 'COMPLETED', riskCategory: 'MEDIUM', maximumFinancingHalalas: 250_000, completedAt: new Date().toISOString() } },
          }),
        );
      }),
    };
    const attempt = () => createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, reassessed);

    const raced = await attempt().catch((error: unknown) => error);
    const retried = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps).catch(
      (error: unknown) => error,
    );

    expect(raced).toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(retried).toMatchObject({ code: 'EXPOSURE_LIMIT_EXCEEDED' });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(0);
  });
});

describe('arrears', () => {
  it('block a new plan while a plan is overdue, and a payment that cures the plan lifts the block, with an event each way', async () => {
    const customerId = await creditworthyCustomer();
    const overdue = await planFor(customerId, 60_000);
    const fortyDaysLate = daysAfterFirstDue(overdue, 40);
    await markOverdueInstallments({ correlationId: 'it' }, fortyDaysLate);

    const blocked = await planFor(customerId, 10_000).catch((error: unknown) => error);
    const intent = await createPaymentIntent(
      { principal: customerPrincipal(customerId), planId: overdue.planId, amountHalalas: 60_000, method: 'MADA', correlationId: 'it', idempotency: idempotencyScope(customerId) },
      fortyDaysLate,
    );
    if (intent.kind !== 'performed') throw new Error('expected a new payment');
    await settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED', planId: overdue.planId, paymentId: intent.value.paymentId, amountHalalas: 60_000, correlationId: 'it' }, fortyDaysLate);
    const afterCure = await planFor(customerId, 10_000);

    expect(blocked).toBeInstanceOf(RabhanError);
    expect(blocked).toMatchObject({ code: 'PLAN_IN_ARREARS' });
    expect(afterCure.status).toBe('ACTIVE');
    expect(await outboxEventsAbout(overdue.planId, 'Plan Delinquent')).toEqual([expect.objectContaining({ bucket: '31-60' })]);
    expect(await outboxEventsAbout(overdue.planId, 'Plan Delinquency Cured')).toEqual([expect.objectContaining({ previousBucket: '31-60' })]);
  });

  it('are entered by a payment that finds the plan behind, publishing Plan Delinquent from the payment path', async () => {
    const customerId = await creditworthyCustomer();
    const behind = await planFor(customerId, 60_000);
    // Forty days after the first due date, before any delinquency run: a partial payment leaves the first installment
    // 31-60 days late.
    const fortyDaysLate = daysAfterFirstDue(behind, 40);
    const intent = await createPaymentIntent(
      { principal: customerPrincipal(customerId), planId: behind.planId, amountHalalas: 10_000, method: 'MADA', correlationId: 'it', idempotency: idempotencyScope(customerId) },
      fortyDaysLate,
    );
    if (intent.kind !== 'performed') throw new Error('expected a new payment');

    await settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED', planId: behind.planId, paymentId: intent.value.paymentId, amountHalalas: 10_000, correlationId: 'it' }, fortyDaysLate);
    const blocked = await planFor(customerId, 10_000).catch((error: unknown) => error);

    expect(await deps.planStore.findPlan(behind.planId)).toMatchObject({ delinquencyBucket: '31-60', outstandingHalalas: 50_000 });
    expect(await outboxEventsAbout(behind.planId, 'Plan Delinquent')).toEqual([expect.objectContaining({ bucket: '31-60', overdueHalalas: 50_000 })]);
    expect((await deps.offerStore.findApplicant(customerId))?.plansInArrears).toMatchObject({ '31-60': 1 });
    expect(blocked).toMatchObject({ code: 'PLAN_IN_ARREARS' });
  });

  it("are stamped in the plan's audit trail with the run's injected clock, not the wall clock", async () => {
    const customerId = await creditworthyCustomer();
    const plan = await planFor(customerId, 60_000);
    const fortyDaysLate = daysAfterFirstDue(plan, 40);

    await markOverdueInstallments({ correlationId: 'it' }, fortyDaysLate);

    const { Items = [] } = await createDocumentClient().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :chain', ExpressionAttributeValues: { ':chain': keys.auditChain(keys.plan(plan.planId).PK) }, ConsistentRead: true }),
    );
    expect(Items.find((entry) => entry.action === 'DELINQUENCY_UPDATED')).toMatchObject({ actor: 'system', occurredAt: fortyDaysLate.clock.now().toISOString(), facts: { bucket: '31-60' } });
  });

  it('are never eased by the delinquency run: only payments cure, so a run measuring an earlier day changes nothing', async () => {
    const customerId = await creditworthyCustomer();
    const plan = await planFor(customerId, 60_000);
    await markOverdueInstallments({ correlationId: 'it' }, daysAfterFirstDue(plan, 40));

    await markOverdueInstallments({ correlationId: 'it' }, daysAfterFirstDue(plan, 10));

    expect((await deps.planStore.findPlan(plan.planId))?.delinquencyBucket).toBe('31-60');
    expect(await outboxEventsAbout(plan.planId, 'Plan Delinquency Cured')).toEqual([]);
  });

  it('are cleared when a plan in arrears is cancelled within a long cooling-off window: the plan is CURRENT again and the cure is published', async () => {
    const customerId = await creditworthyCustomer();
    const overdue = await planFor(customerId, 60_000);
    const fiveDaysLate = daysAfterFirstDue(overdue, 5);
    await markOverdueInstallments({ correlationId: 'it' }, fiveDaysLate);
    const longCoolingOff = { ...fiveDaysLate, plans: { ...deps.plans, coolingOffSeconds: 60 * DAY_MILLISECONDS / 1000 } };

    const cancellation = await cancelPlan({ principal: customerPrincipal(customerId), planId: overdue.planId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, longCoolingOff);
    const next = await planFor(customerId, 10_000);

    expect(cancellation.kind).toBe('performed');
    expect(await deps.planStore.findPlan(overdue.planId)).toMatchObject({ status: 'CANCELLED', delinquencyBucket: 'CURRENT' });
    expect((await deps.offerStore.findApplicant(customerId))?.plansInArrears).toEqual({ '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 });
    expect(await outboxEventsAbout(overdue.planId, 'Plan Delinquency Cured')).toEqual([expect.objectContaining({ previousBucket: '1-30' })]);
    expect(next.status).toBe('ACTIVE');
  });

  it('are checked again when the plan commits, so a plan racing the delinquency run is refused with PLAN_IN_ARREARS', async () => {
    const customerId = await creditworthyCustomer();
    const overdue = await planFor(customerId, 60_000);
    const offer = await savedOffer(deps.offerStore, customerId, 10_000);
    // The plan creation reads the customer before the run marks the other plan, and commits after it.
    const racing: PlanDeps = {
      ...deps,
      planStore: storeInterleaving(deps.planStore, 'loadForPlanCreation', async () => {
        await markOverdueInstallments({ correlationId: 'it' }, daysAfterFirstDue(overdue, 5));
      }),
    };

    const refusal = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, racing).catch(
      (error: unknown) => error,
    );

    expect(refusal).toMatchObject({ code: 'PLAN_IN_ARREARS' });
    expect((await deps.offerStore.findApplicant(customerId))?.outstandingHalalas).toBe(60_000);
  });
});

describe('the delinquency run', () => {

  // A table of its own, so that the run's counts are this test's plans only.
  beforeAll(async () => {
    deps = await planDepsOnFreshTable();
  });

  it('isolates a plan whose writes keep conflicting, reports it, goes on with the rest, and a rerun finishes it', async () => {
    const customerIds = await Promise.all([creditworthyCustomer(), creditworthyCustomer(), creditworthyCustomer()]);
    const [first, stuck, last] = await Promise.all(customerIds.map((customerId) => planFor(customerId, 60_000)));
    const later = daysAfterFirstDue(first!, 40);
    // DynamoDB Local never raises TransactionConflict (docs/local-cloud.md), so aws-sdk-client-mock raises it for
    // every write to one plan; all other commands go through to the real engine.
    const engine = createDocumentClient();
    const conflicting = createDocumentClient();
    const stuckPlanKey = keys.plan(stuck!.planId);
    const conflictMock = mockClient(conflicting);
    conflictMock.send.callThrough();
    conflictMock.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      const touchesStuckPlan = (input.TransactItems ?? []).some((item) => item.Update?.Key?.PK === stuckPlanKey.PK);
      if (touchesStuckPlan) {
        throw new TransactionCanceledException({ message: 'Transaction cancelled [TransactionConflict]', $metadata: {}, CancellationReasons: [{ Code: 'TransactionConflict' }] });
      }
      return engine.send(new TransactWriteCommand(input));
    });
    const failures: string[] = [];
    const conflictingDeps = { ...later, delinquencyStore: new DynamoDbDelinquencyStore(conflicting, String(process.env.TABLE_NAME)), onPlanFailed: (planId: string) => failures.push(planId) };

    const firstRun = await markOverdueInstallments({ correlationId: 'it' }, conflictingDeps).finally(() => conflictMock.restore());
    const rerun = await markOverdueInstallments({ correlationId: 'it' }, later);

    expect(firstRun).toEqual({ plansProcessed: 3, plansUpdated: 2, plansSkipped: 0, plansFailed: 1 });
    expect(failures).toEqual([stuck!.planId]);
    expect(rerun).toEqual({ plansProcessed: 3, plansUpdated: 1, plansSkipped: 2, plansFailed: 0 });
    for (const plan of [first!, stuck!, last!]) expect((await deps.planStore.findPlan(plan.planId))?.delinquencyBucket).toBe('31-60');
  });
});

/**
 * Model-based test of plans and payments against DynamoDB Local. Random sequences of plan creations, payment
 * intents, gateway confirmations and failures, webhook replays, cancellations and overdue runs are applied both to
 * the real use-cases and to a small reference model; after every step the invariants must hold:
 *   - exposure never exceeds the limit and equals the sum of the outstanding balances of active plans;
 *   - every journal balances, and so does the whole ledger;
 *   - no payment is posted twice (payment journals = confirmed payments, per plan).
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbPlanStore } from '../../shared/adapters/dynamodb/plan-store.ts';
import { DEFAULT_LENDING_POLICY } from '../../shared/domain/policy.ts';
import { RabhanError } from '../../shared/http/errors.ts';
import { systemClock, ulidGenerator } from '../../shared/platform/clock-and-ids.ts';
import type { Plan } from '../../shared/use-cases/plans/plan-store.ts';
import {
  cancelPlan,
  createPaymentIntent,
  createPlan,
  DEFAULT_PLAN_POLICY,
  markOverdueInstallments,
  settlePayment,
  type GatewayNotification,
  type PlanDeps,
} from '../../shared/use-cases/plans/plans.ts';
import { creditworthyCustomer, savedOffer } from '../support/plan-fixtures.ts';
import { provisionTestPlatform } from '../support/provisioned-platform.ts';

const LIMIT_HALALAS = DEFAULT_LENDING_POLICY.exposureLimitHalalas;
const RUNS = 15;
const COMMANDS_PER_RUN_MIN = 6;
const COMMANDS_PER_RUN_MAX = 16;

type Command =
  | { kind: 'create'; financedHalalas: number; installmentCount: number }
  | { kind: 'intent'; plan: number; share: number; overpay: boolean }
  | { kind: 'settle'; payment: number; confirmed: boolean }
  | { kind: 'replay'; notification: number }
  | { kind: 'cancel'; plan: number }
  | { kind: 'overdue'; daysAhead: number };

// Money-moving commands are weighted up so that create → intent → settle chains are common in short sequences.
const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), financedHalalas: fc.integer({ min: 5, max: 25 }).map((sar100) => sar100 * 10_000), installmentCount: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('intent' as const), plan: fc.nat(), share: fc.integer({ min: 1, max: 100 }), overpay: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('settle' as const), payment: fc.nat(), confirmed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replay' as const), notification: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), plan: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('overdue' as const), daysAhead: fc.integer({ min: 1, max: 200 }) }) },
);

interface ModelPlan {
  readonly planId: string;
  readonly financedHalalas: number;
  outstandingHalalas: number;
  payableHalalas: number;
  status: 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
  confirmedPayments: number;
  cancelled: boolean;
}

interface ModelPayment {
  readonly paymentId: string;
  readonly planId: string;
  readonly amountHalalas: number;
  status: 'PENDING' | 'CONFIRMED' | 'FAILED';
}

let deps: PlanDeps;
const toResponse = (value: Plan | { paymentId: string }) => ({ statusCode: 201, body: { id: 'planId' in value ? value.planId : value.paymentId } });

beforeAll(async () => {
  const resources = await provisionTestPlatform();
  deps = { planStore: new DynamoDbPlanStore(createDocumentClient(), resources.tableName), clock: systemClock, ids: ulidGenerator, lending: DEFAULT_LENDING_POLICY, plans: DEFAULT_PLAN_POLICY };
});

async function errorCodeOf(action: Promise<unknown>): Promise<string | undefined> {
  try {
    await action;
    return undefined;
  } catch (error) {
    if (error instanceof RabhanError) return error.code;
    throw error;
  }
}

async function checkInvariants(customerId: string, plans: readonly ModelPlan[]): Promise<void> {
  const exposure = (await deps.planStore.findApplicant(customerId))?.outstandingHalalas;
  const modelExposure = plans.filter((plan) => plan.status === 'ACTIVE').reduce((sum, plan) => sum + plan.outstandingHalalas, 0);
  expect(exposure).toBe(modelExposure);
  expect(exposure).toBeLessThanOrEqual(LIMIT_HALALAS);
  for (const model of plans) {
    const plan = await deps.planStore.findPlan(model.planId);
    expect({ status: plan?.status, outstandingHalalas: plan?.outstandingHalalas, payableHalalas: plan?.payableHalalas }).toEqual({
      status: model.status,
      outstandingHalalas: model.outstandingHalalas,
      payableHalalas: model.payableHalalas,
    });
    const journals = await deps.planStore.listJournals(model.planId, 100);
    expect(journals.filter((journal) => journal.description.startsWith('Payment'))).toHaveLength(model.confirmedPayments);
    expect(journals).toHaveLength(1 + model.confirmedPayments + (model.cancelled ? 1 : 0));
    for (const journal of journals) {
      const debit = journal.entries.filter((entry) => entry.side === 'DEBIT').reduce((sum, entry) => sum + entry.amountHalalas, 0);
      const credit = journal.entries.filter((entry) => entry.side === 'CREDIT').reduce((sum, entry) => sum + entry.amountHalalas, 0);
      expect(debit).toBe(credit);
    }
  }
  const balances = [...(await deps.planStore.trialBalance()).values()];
  expect(balances.reduce((sum, balance) => sum + balance.debitHalalas, 0)).toBe(balances.reduce((sum, balance) => sum + balance.creditHalalas, 0));
}

async function run(commands: readonly Command[]): Promise<void> {
  const customerId = await creditworthyCustomer();
  const principal = { principalId: customerId, roles: ['customer' as const] };
  const plans: ModelPlan[] = [];
  const payments: ModelPayment[] = [];
  const notifications: (GatewayNotification & { correlationId: string })[] = [];
  const scope = () => ({ principalId: customerId, keyDigest: randomUUID(), fingerprint: 'model' });

  for (const command of commands) {
    switch (command.kind) {
      case 'create': {
        const offer = await savedOffer(deps.planStore, customerId, command.financedHalalas, command.installmentCount);
        const exposure = plans.filter((plan) => plan.status === 'ACTIVE').reduce((sum, plan) => sum + plan.outstandingHalalas, 0);
        let planId: string | undefined;
        const code = await errorCodeOf(
          createPlan({ principal, offerId: offer.offerId, correlationId: 'model', idempotency: scope() }, { ...deps, toResponse }).then((outcome) => {
            if (outcome.kind === 'performed') planId = outcome.value.planId;
          }),
        );
        if (exposure + command.financedHalalas <= LIMIT_HALALAS) {
          expect(code).toBeUndefined();
          plans.push({ planId: planId!, financedHalalas: command.financedHalalas, outstandingHalalas: command.financedHalalas, payableHalalas: command.financedHalalas, status: 'ACTIVE', confirmedPayments: 0, cancelled: false });
        } else {
          expect(code).toBe('EXPOSURE_LIMIT_EXCEEDED');
        }
        break;
      }
      case 'intent': {
        const model = plans[command.plan % Math.max(1, plans.length)];
        if (model === undefined) break;
        const amountHalalas = command.overpay ? model.payableHalalas + 1 : Math.max(1, Math.floor((model.payableHalalas * command.share) / 100));
        let paymentId: string | undefined;
        const code = await errorCodeOf(
          createPaymentIntent({ principal, planId: model.planId, amountHalalas, method: 'MADA', correlationId: 'model', idempotency: scope() }, { ...deps, toResponse }).then((outcome) => {
            if (outcome.kind === 'performed') paymentId = outcome.value.paymentId;
          }),
        );
        if (model.status !== 'ACTIVE') expect(code).toBe('PLAN_NOT_ACTIVE');
        else if (amountHalalas > model.payableHalalas) expect(code).toBe('PAYMENT_EXCEEDS_BALANCE');
        else {
          expect(code).toBeUndefined();
          model.payableHalalas -= amountHalalas;
          payments.push({ paymentId: paymentId!, planId: model.planId, amountHalalas, status: 'PENDING' });
        }
        break;
      }
      case 'settle': {
        const pending = payments.filter((payment) => payment.status === 'PENDING');
        const payment = pending[command.payment % Math.max(1, pending.length)];
        if (payment === undefined) break;
        const notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: command.confirmed ? ('CONFIRMED' as const) : ('FAILED' as const), planId: payment.planId, paymentId: payment.paymentId, amountHalalas: payment.amountHalalas, correlationId: 'model' };
        notifications.push(notification);
        expect(await settlePayment(notification, deps)).toBe('settled');
        const model = plans.find((plan) => plan.planId === payment.planId)!;
        if (command.confirmed) {
          payment.status = 'CONFIRMED';
          model.outstandingHalalas -= payment.amountHalalas;
          model.confirmedPayments += 1;
          if (model.outstandingHalalas === 0) model.status = 'COMPLETED';
        } else {
          payment.status = 'FAILED';
          model.payableHalalas += payment.amountHalalas;
        }
        break;
      }
      case 'replay': {
        const notification = notifications[command.notification % Math.max(1, notifications.length)];
        if (notification === undefined) break;
        // The same event again, and a contradicting event for the same payment: neither may change anything.
        expect(await settlePayment(notification, deps)).toBe('duplicate');
        const contradicting = { ...notification, gatewayEventId: `evt_${randomUUID()}`, outcome: notification.outcome === 'CONFIRMED' ? ('FAILED' as const) : ('CONFIRMED' as const) };
        expect(await settlePayment(contradicting, deps)).toBe('already-settled');
        break;
      }
      case 'cancel': {
        const model = plans[command.plan % Math.max(1, plans.length)];
        if (model === undefined) break;
        const code = await errorCodeOf(cancelPlan({ principal, planId: model.planId, correlationId: 'model' }, deps));
        const untouched = model.status === 'ACTIVE' && model.outstandingHalalas === model.financedHalalas && model.payableHalalas === model.outstandingHalalas;
        if (untouched) {
          expect(code).toBeUndefined();
          model.status = 'CANCELLED';
          model.outstandingHalalas = 0;
          model.payableHalalas = 0;
          model.cancelled = true;
        } else {
          expect(code).toBe('CANCELLATION_NOT_ALLOWED');
        }
        break;
      }
      case 'overdue': {
        const later = new Date(systemClock.now().getTime() + command.daysAhead * 24 * 60 * 60 * 1000);
        await markOverdueInstallments({ correlationId: 'model' }, { ...deps, clock: { now: () => later } });
        break;
      }
    }
    await checkInvariants(customerId, plans);
  }
}

describe('plans and payments against a reference model', () => {
  it(
    'keep exposure within the limit and equal to what is owed, balance the ledger and post no payment twice, under random command sequences',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(commandArbitrary, { minLength: COMMANDS_PER_RUN_MIN, maxLength: COMMANDS_PER_RUN_MAX }), (commands) => run(commands)),
        { numRuns: RUNS },
      );
    },
    180_000,
  );
});

/**
 * Model-based test of plans and payments on DynamoDB Local, written with fast-check's `fc.commands` and
 * `fc.asyncModelRun`. Random sequences of plan creations, payment intents, gateway confirmations and failures,
 * webhook replays, idempotent retries, cancellations and overdue runs are applied to the real use-cases and to a
 * deliberately simple model written here. After every command:
 *   1. the customer's exposure never exceeds the limit, equals the sum of the outstanding balances of their ACTIVE
 *      plans, and equals the model's;
 *   2. the ledger balances: every journal, every plan's journals and the whole trial balance (debits = credits),
 *      and the trial balance moved by exactly the journals the model expects (so an overdue run moves no money);
 *   3. no payment is posted twice: one payment journal per payment the model saw confirmed, and each plan's paid
 *      total (financed − outstanding) is the model's.
 * Each run uses a fresh customer, so runs do not interfere; the table is this file's own, so the trial balance
 * before a run is a reliable baseline for the model's ledger.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { riyadhCalendarDate } from '../../../shared/lending/domain/schedule.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { systemClock } from '../../../shared/kernel/clock-and-ids.ts';
import type { IdempotentRequest } from '../../../shared/kernel/idempotency/idempotency.ts';
import type { LedgerAccount, Offer, Payment, Plan } from '../../support/money-path.ts';
import {
  cancelPlan,
  createPaymentIntent,
  createPlan,
  markOverdueInstallments,
  settlePayment,
  type GatewayNotification,
  type PlanDeps,
} from '../../support/money-path.ts';
import { creditworthyCustomer, customerPrincipal, idempotencyScope, planDepsOnFreshTable, savedOffer } from '../../support/plan-fixtures.ts';

const LIMIT_HALALAS = DEFAULT_LENDING_POLICY.exposureLimitHalalas;
/** About 0.6 s a run on DynamoDB Local; the time limit below keeps a slow runner from hanging. */
const NUM_RUNS = 30;
const COMMANDS_PER_RUN_MAX = 12;
const TEST_TIMEOUT_MILLISECONDS = 150_000;
/** Stops fast-check (and a long shrink against the database) before vitest's timeout would hide the counterexample. */
const PROPERTY_TIME_LIMIT_MILLISECONDS = 120_000;
const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

let deps: PlanDeps;
/** A payment also has a planId, so the payment is recognised first (the concurrency test's helper answers a payment with its planId). */

const offerFor = (customerId: string, financedHalalas: number, installmentCount: number): Promise<Offer> => savedOffer(deps.offerStore, customerId, financedHalalas, installmentCount);


beforeAll(async () => {
  deps = await planDepsOnFreshTable();
});

// ---- The reference model --------------------------------------------------------------------------------------

type LedgerTotals = Map<LedgerAccount, { debitHalalas: number; creditHalalas: number }>;

interface ModelPlan {
  readonly planId: string;
  readonly financedHalalas: number;
  status: 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
  outstandingHalalas: number;
  payableHalalas: number;
  paidHalalas: number;
  readonly confirmedPaymentIds: string[];
  cancelled: boolean;
  /**
   * Whether the plan is behind: set by an overdue run that finds a late installment. A confirmed payment is judged on
   * today's real date, when nothing is due yet, so it brings the plan back to CURRENT; so does a cancellation.
   */
  inArrears: boolean;
}

interface ModelPayment {
  readonly paymentId: string;
  readonly planId: string;
  readonly amountHalalas: number;
  status: 'PENDING' | 'CONFIRMED' | 'FAILED';
}

type Notification = GatewayNotification & { readonly correlationId: string };

/** A request that was performed once, kept to be retried with the same Idempotency-Key. */
type PerformedRequest =
  | { readonly kind: 'plan'; readonly offerId: string; readonly idempotency: IdempotentRequest<Plan | Payment>; readonly resultId: string }
  | { readonly kind: 'intent'; readonly planId: string; readonly amountHalalas: number | undefined; readonly idempotency: IdempotentRequest<Plan | Payment>; readonly resultId: string };

interface Model {
  readonly plans: ModelPlan[];
  readonly payments: ModelPayment[];
  /** Notifications that settled a payment, kept to be replayed. */
  readonly notifications: Notification[];
  readonly performed: PerformedRequest[];
  /** The trial balance the table must show: the baseline before the run plus every journal the model expects. */
  readonly ledger: LedgerTotals;
}

interface Real {
  readonly customerId: string;
}

/** With the default policy, any plan in arrears blocks new plans. */
const modelPlansInArrears = (model: Model): number => model.plans.filter((plan) => plan.status === 'ACTIVE' && plan.inArrears).length;

const modelExposure = (model: Model): number => model.plans.filter((plan) => plan.status === 'ACTIVE').reduce((sum, plan) => sum + plan.outstandingHalalas, 0);

function post(model: Model, entries: readonly [LedgerAccount, 'DEBIT' | 'CREDIT', number][]): void {
  for (const [account, side, amountHalalas] of entries) {
    const totals = model.ledger.get(account) ?? { debitHalalas: 0, creditHalalas: 0 };
    model.ledger.set(account, side === 'DEBIT' ? { ...totals, debitHalalas: totals.debitHalalas + amountHalalas } : { ...totals, creditHalalas: totals.creditHalalas + amountHalalas });
  }
}

const pick = <T,>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);

async function errorCodeOf<T>(action: Promise<T>): Promise<{ value: T; code: undefined } | { value: undefined; code: string }> {
  try {
    return { value: await action, code: undefined };
  } catch (error) {
    if (error instanceof RabhanError) return { value: undefined, code: error.code };
    throw error;
  }
}

// ---- Invariants -----------------------------------------------------------------------------------------------

const debitsOf = (entries: readonly { side: string; amountHalalas: number }[]) => entries.filter((entry) => entry.side === 'DEBIT').reduce((sum, entry) => sum + entry.amountHalalas, 0);
const creditsOf = (entries: readonly { side: string; amountHalalas: number }[]) => entries.filter((entry) => entry.side === 'CREDIT').reduce((sum, entry) => sum + entry.amountHalalas, 0);

async function checkInvariants(model: Model, real: Real): Promise<void> {
  // 1. Exposure: within the limit, the sum of what the ACTIVE plans owe, and the model's.
  const exposure = (await deps.offerStore.findApplicant(real.customerId))?.outstandingHalalas;
  expect(exposure, 'exposure').toBe(modelExposure(model));
  expect(exposure, 'exposure').toBeLessThanOrEqual(LIMIT_HALALAS);
  // The customer's arrears counters agree with the plans they count.
  const counters = (await deps.offerStore.findApplicant(real.customerId))?.plansInArrears ?? {};
  expect(Object.values(counters).reduce((sum, count) => sum + (count ?? 0), 0), 'plans in arrears').toBe(modelPlansInArrears(model));
  const { plans: realPlans } = await deps.planStore.listPlans(real.customerId, 100, undefined);
  expect(realPlans.map((plan) => plan.planId).sort(), 'plans').toEqual(model.plans.map((plan) => plan.planId).sort());
  expect(realPlans.filter((plan) => plan.status === 'ACTIVE').reduce((sum, plan) => sum + plan.outstandingHalalas, 0), 'sum of ACTIVE outstanding').toBe(exposure);

  for (const expected of model.plans) {
    const plan = await deps.planStore.findPlan(expected.planId);
    if (plan === undefined) throw new Error(`plan ${expected.planId} is missing`);
    expect({ status: plan.status, financed: plan.financedHalalas, outstanding: plan.outstandingHalalas, payable: plan.payableHalalas }, `plan ${plan.planId}`).toEqual({
      status: expected.status,
      financed: expected.financedHalalas,
      outstanding: expected.outstandingHalalas,
      payable: expected.payableHalalas,
    });
    // 3. The paid total: financed − outstanding for a plan that was not cancelled, and the installments agree.
    if (!expected.cancelled) expect(plan.financedHalalas - plan.outstandingHalalas, `paid on ${plan.planId}`).toBe(expected.paidHalalas);
    expect(plan.installments.reduce((sum, installment) => sum + installment.paidHalalas, 0), `installments paid on ${plan.planId}`).toBe(expected.paidHalalas);
    expect(plan.installments.reduce((sum, installment) => sum + installment.amountHalalas, 0)).toBe(plan.financedHalalas);
    for (const installment of plan.installments) {
      expect(installment.paidHalalas).toBeGreaterThanOrEqual(0);
      expect(installment.paidHalalas).toBeLessThanOrEqual(installment.amountHalalas);
      expect(installment.status === 'PAID', `installment ${installment.sequence} of ${plan.planId} is PAID exactly when fully paid`).toBe(installment.paidHalalas === installment.amountHalalas);
    }

    // 2 and 3. The plan's journals: each balanced, all together balanced, one per confirmed payment, and the
    // receivable they leave equal to what the plan says is outstanding.
    const journals = await deps.planStore.listJournals(plan.planId, 100);
    for (const journal of journals) expect(debitsOf(journal.entries), `journal ${journal.journalId} balances`).toBe(creditsOf(journal.entries));
    const entries = journals.flatMap((journal) => journal.entries);
    expect(debitsOf(entries), `journals of ${plan.planId} balance`).toBe(creditsOf(entries));
    const paymentJournals = journals.filter((journal) => journal.description.startsWith('Payment'));
    expect(paymentJournals, `payment journals of ${plan.planId}`).toHaveLength(expected.confirmedPaymentIds.length);
    expect(paymentJournals.map((journal) => journal.description.split(' ')[1]).sort(), `payments posted on ${plan.planId}`).toEqual([...expected.confirmedPaymentIds].sort());
    expect(journals, `journals of ${plan.planId}`).toHaveLength(1 + expected.confirmedPaymentIds.length + (expected.cancelled ? 1 : 0));
    const receivable = entries.filter((entry) => entry.account === 'CUSTOMER_RECEIVABLE');
    expect(debitsOf(receivable) - creditsOf(receivable), `receivable of ${plan.planId}`).toBe(plan.outstandingHalalas);
  }

  // 2. The whole ledger: balanced, and moved by exactly the journals the model expects.
  const balances = await deps.ledger.trialBalance();
  const totals = [...balances.values()];
  expect(totals.reduce((sum, balance) => sum + balance.debitHalalas, 0), 'trial balance').toBe(totals.reduce((sum, balance) => sum + balance.creditHalalas, 0));
  expect(new Map(balances), 'trial balance by account').toEqual(model.ledger);
}

// ---- Commands ---------------------------------------------------------------------------------------------------

type PlanCommand = fc.AsyncCommand<Model, Real>;

class CreatePlan implements PlanCommand {
  constructor(
    readonly financedHalalas: number,
    readonly installmentCount: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const offer = await offerFor(real.customerId, this.financedHalalas, this.installmentCount);
    const idempotency = idempotencyScope(real.customerId);
    const { value, code } = await errorCodeOf(createPlan({ principal: customerPrincipal(real.customerId), offerId: offer.offerId, correlationId: 'model', idempotency }, deps));
    if (modelPlansInArrears(model) > 0) {
      expect(code, this.toString()).toBe('PLAN_IN_ARREARS');
    } else if (modelExposure(model) + this.financedHalalas > LIMIT_HALALAS) {
      expect(code, this.toString()).toBe('EXPOSURE_LIMIT_EXCEEDED');
    } else {
      expect(code, this.toString()).toBeUndefined();
      if (value?.kind !== 'performed') throw new Error(`${this.toString()} was not performed`);
      model.plans.push({
        planId: value.value.planId,
        financedHalalas: this.financedHalalas,
        status: 'ACTIVE',
        outstandingHalalas: this.financedHalalas,
        payableHalalas: this.financedHalalas,
        paidHalalas: 0,
        confirmedPaymentIds: [],
        cancelled: false,
        inArrears: false,
      });
      model.performed.push({ kind: 'plan', offerId: offer.offerId, idempotency, resultId: value.value.planId });
      post(model, [
        ['CUSTOMER_RECEIVABLE', 'DEBIT', this.financedHalalas],
        ['FUNDING', 'CREDIT', this.financedHalalas],
      ]);
    }
    await checkInvariants(model, real);
  }
  toString = () => `createPlan(${this.financedHalalas} in ${this.installmentCount})`;
}

type IntentAmount = { readonly kind: 'share'; readonly percent: number } | { readonly kind: 'overpay' } | { readonly kind: 'whole' };

class CreatePaymentIntent implements PlanCommand {
  constructor(
    readonly plan: number,
    readonly amount: IntentAmount,
  ) {}
  check = (model: Readonly<Model>) => model.plans.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const target = pick(model.plans, this.plan)!;
    const amountHalalas =
      this.amount.kind === 'whole' ? undefined : this.amount.kind === 'overpay' ? target.payableHalalas + 1 : Math.max(1, Math.floor((target.payableHalalas * this.amount.percent) / 100));
    const idempotency = idempotencyScope(real.customerId);
    const { value, code } = await errorCodeOf(
      createPaymentIntent({ principal: customerPrincipal(real.customerId), planId: target.planId, amountHalalas, method: 'MADA', correlationId: 'model', idempotency }, deps),
    );
    const requested = amountHalalas ?? target.payableHalalas;
    if (target.status !== 'ACTIVE') {
      expect(code, this.toString()).toBe('PLAN_NOT_ACTIVE');
    } else if (requested <= 0 || requested > target.payableHalalas) {
      expect(code, this.toString()).toBe('PAYMENT_EXCEEDS_BALANCE');
    } else {
      expect(code, this.toString()).toBeUndefined();
      if (value?.kind !== 'performed') throw new Error(`${this.toString()} was not performed`);
      expect(value.value.amountHalalas).toBe(requested);
      target.payableHalalas -= requested;
      model.payments.push({ paymentId: value.value.paymentId, planId: target.planId, amountHalalas: requested, status: 'PENDING' });
      model.performed.push({ kind: 'intent', planId: target.planId, amountHalalas, idempotency, resultId: value.value.paymentId });
    }
    await checkInvariants(model, real);
  }
  toString = () => `createPaymentIntent(plan #${this.plan}, ${this.amount.kind === 'share' ? `${this.amount.percent}% of payable` : this.amount.kind})`;
}

const pendingPayments = (model: Readonly<Model>) => model.payments.filter((payment) => payment.status === 'PENDING');

class SettlePayment implements PlanCommand {
  constructor(
    readonly payment: number,
    readonly outcome: 'CONFIRMED' | 'FAILED',
  ) {}
  check = (model: Readonly<Model>) => pendingPayments(model).length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const payment = pick(pendingPayments(model), this.payment)!;
    const notification: Notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: this.outcome, planId: payment.planId, paymentId: payment.paymentId, amountHalalas: payment.amountHalalas, correlationId: 'model' };
    expect(await settlePayment(notification, deps), this.toString()).toBe('settled');
    model.notifications.push(notification);
    const plan = model.plans.find((candidate) => candidate.planId === payment.planId)!;
    payment.status = this.outcome;
    if (this.outcome === 'CONFIRMED') {
      plan.outstandingHalalas -= payment.amountHalalas;
      plan.paidHalalas += payment.amountHalalas;
      plan.confirmedPaymentIds.push(payment.paymentId);
      plan.inArrears = false;
      if (plan.outstandingHalalas === 0) plan.status = 'COMPLETED';
      post(model, [
        ['GATEWAY_CLEARING', 'DEBIT', payment.amountHalalas],
        ['CUSTOMER_RECEIVABLE', 'CREDIT', payment.amountHalalas],
      ]);
    } else {
      plan.payableHalalas += payment.amountHalalas;
    }
    await checkInvariants(model, real);
  }
  toString = () => `settlePayment(pending #${this.payment}, ${this.outcome})`;
}

/** A confirmation whose amount differs from the intent is money in suspense; the payment stays pending. */
class SettleWithWrongAmount implements PlanCommand {
  constructor(readonly payment: number) {}
  check = (model: Readonly<Model>) => pendingPayments(model).length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const payment = pick(pendingPayments(model), this.payment)!;
    const notification: Notification = { gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED', planId: payment.planId, paymentId: payment.paymentId, amountHalalas: payment.amountHalalas + 1, correlationId: 'model' };
    expect(await settlePayment(notification, deps), this.toString()).toBe('held-for-reconciliation');
    post(model, [
      ['GATEWAY_CLEARING', 'DEBIT', notification.amountHalalas],
      ['UNAPPLIED_CASH', 'CREDIT', notification.amountHalalas],
    ]);
    await checkInvariants(model, real);
  }
  toString = () => `settlePayment(pending #${this.payment}, wrong amount)`;
}

type ReplayMode = 'same-event' | 'same-event-flipped' | 'new-event' | 'new-event-flipped';

class ReplayNotification implements PlanCommand {
  constructor(
    readonly notification: number,
    readonly mode: ReplayMode,
  ) {}
  check = (model: Readonly<Model>) => model.notifications.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const original = pick(model.notifications, this.notification)!;
    const flipped = this.mode.endsWith('flipped');
    const sameEvent = this.mode.startsWith('same-event');
    const replay: Notification = {
      ...original,
      gatewayEventId: sameEvent ? original.gatewayEventId : `evt_${randomUUID()}`,
      outcome: flipped ? (original.outcome === 'CONFIRMED' ? 'FAILED' : 'CONFIRMED') : original.outcome,
    };
    // A confirmation of a payment the gateway had failed is money that matches nothing payable: held in suspense.
    // So is a second confirmation under a new event id: another capture of the same checkout.
    const heldInSuspense = !sameEvent && replay.outcome === 'CONFIRMED';
    expect(await settlePayment(replay, deps), this.toString()).toBe(sameEvent ? 'duplicate' : heldInSuspense ? 'held-for-reconciliation' : flipped ? 'contradicts-settlement' : 'already-settled');
    if (heldInSuspense) {
      post(model, [
        ['GATEWAY_CLEARING', 'DEBIT', replay.amountHalalas],
        ['UNAPPLIED_CASH', 'CREDIT', replay.amountHalalas],
      ]);
    }
    await checkInvariants(model, real);
  }
  toString = () => `replayNotification(#${this.notification}, ${this.mode})`;
}

/** The same request with the same Idempotency-Key is replayed, with the first response, and changes nothing. */
class RetryWithSameKey implements PlanCommand {
  constructor(readonly request: number) {}
  check = (model: Readonly<Model>) => model.performed.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const request = pick(model.performed, this.request)!;
    const outcome =
      request.kind === 'plan'
        ? await createPlan({ principal: customerPrincipal(real.customerId), offerId: request.offerId, correlationId: 'model', idempotency: request.idempotency }, deps)
        : await createPaymentIntent(
            { principal: customerPrincipal(real.customerId), planId: request.planId, amountHalalas: request.amountHalalas, method: 'MADA', correlationId: 'model', idempotency: request.idempotency },
            deps,
          );
    expect(outcome, this.toString()).toEqual({ kind: 'replayed', response: { statusCode: 201, body: { id: request.resultId } } });
    await checkInvariants(model, real);
  }
  toString = () => `retryWithSameKey(#${this.request})`;
}

class CancelPlan implements PlanCommand {
  constructor(readonly plan: number) {}
  check = (model: Readonly<Model>) => model.plans.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const target = pick(model.plans, this.plan)!;
    const { code } = await errorCodeOf(cancelPlan({ principal: customerPrincipal(real.customerId), planId: target.planId, correlationId: 'model', idempotency: idempotencyScope(real.customerId) }, deps));
    const untouched = target.status === 'ACTIVE' && target.outstandingHalalas === target.financedHalalas && target.payableHalalas === target.outstandingHalalas;
    if (untouched) {
      expect(code, this.toString()).toBeUndefined();
      target.status = 'CANCELLED';
      target.outstandingHalalas = 0;
      target.payableHalalas = 0;
      target.cancelled = true;
      target.inArrears = false;
      post(model, [
        ['CUSTOMER_RECEIVABLE', 'CREDIT', target.financedHalalas],
        ['FUNDING', 'DEBIT', target.financedHalalas],
      ]);
    } else {
      expect(code, this.toString()).toBe('CANCELLATION_NOT_ALLOWED');
    }
    await checkInvariants(model, real);
  }
  toString = () => `cancelPlan(plan #${this.plan})`;
}

/** The delinquency job, run as if it were `daysAhead` days from now: statuses change, money does not. */
class MarkOverdue implements PlanCommand {
  constructor(readonly daysAhead: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const later = new Date(systemClock.now().getTime() + this.daysAhead * DAY_MILLISECONDS);
    await markOverdueInstallments({ correlationId: 'model' }, { ...deps, clock: { now: () => later } });
    const today = riyadhCalendarDate(later);
    for (const expected of model.plans.filter((plan) => plan.status === 'ACTIVE')) {
      const plan = await deps.planStore.findPlan(expected.planId);
      const late = plan!.installments.filter((installment) => installment.paidHalalas < installment.amountHalalas && installment.dueDate < today);
      expect(
        late.map((installment) => installment.status),
        `${this.toString()} marks the late installments of ${expected.planId}`,
      ).toEqual(late.map(() => 'OVERDUE'));
      if (late.length > 0) expect(plan!.delinquencyBucket).not.toBe('CURRENT');
      expected.inArrears = plan!.delinquencyBucket !== 'CURRENT';
    }
    await checkInvariants(model, real);
  }
  toString = () => `markOverdueInstallments(+${this.daysAhead} days)`;
}

const createPlanArbitrary = fc
  // SAR 500 to SAR 2,500 in steps of SAR 250, so that sums land exactly on the SAR 5,000 limit now and then.
  .tuple(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 4 }))
  .map(([quarterThousands, count]): PlanCommand => new CreatePlan(quarterThousands * 25_000, count));

// Money-moving commands are weighted up so that create → intent → settle → replay chains are common.
const commandArbitrary: fc.Arbitrary<PlanCommand> = fc.oneof(
  { weight: 3, arbitrary: createPlanArbitrary },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }).map((percent): IntentAmount => ({ kind: 'share', percent })) },
          { weight: 2, arbitrary: fc.constant<IntentAmount>({ kind: 'whole' }) },
          { weight: 1, arbitrary: fc.constant<IntentAmount>({ kind: 'overpay' }) },
        ),
      )
      .map(([plan, amount]) => new CreatePaymentIntent(plan, amount)),
  },
  { weight: 5, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('CONFIRMED' as const, 'CONFIRMED' as const, 'FAILED' as const)).map(([payment, outcome]) => new SettlePayment(payment, outcome)) },
  { weight: 1, arbitrary: fc.nat().map((payment) => new SettleWithWrongAmount(payment)) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom<ReplayMode>('same-event', 'same-event-flipped', 'new-event', 'new-event-flipped')).map(([notification, mode]) => new ReplayNotification(notification, mode)),
  },
  { weight: 1, arbitrary: fc.nat().map((request) => new RetryWithSameKey(request)) },
  { weight: 1, arbitrary: fc.nat().map((plan) => new CancelPlan(plan)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 150 }).map((daysAhead) => new MarkOverdue(daysAhead)) },
);

/**
 * Every run starts with a plan creation, since most commands need a plan; fc.commands then skips any command whose
 * check fails (a settlement with nothing pending, say), shrinks well, and reports only the commands that ran.
 */
const laterCommands = fc.commands([commandArbitrary], { maxCommands: COMMANDS_PER_RUN_MAX - 1, size: 'max' });

async function freshCustomer(): Promise<{ model: Model; real: Real }> {
  const customerId = await creditworthyCustomer();
  const ledger: LedgerTotals = new Map(await deps.ledger.trialBalance());
  return { model: { plans: [], payments: [], notifications: [], performed: [], ledger }, real: { customerId } };
}

describe('plans and payments, checked against a reference model', () => {
  it(
    'keep exposure within the limit and equal to what active plans owe, balance the ledger and post no payment twice, whatever random sequence of operations is applied',
    async () => {
      await fc.assert(
        fc.asyncProperty(createPlanArbitrary, laterCommands, (first, later) => fc.asyncModelRun(freshCustomer, [first, ...later])),
        { numRuns: NUM_RUNS, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MILLISECONDS, markInterruptAsFailure: true },
      );
    },
    TEST_TIMEOUT_MILLISECONDS,
  );
});

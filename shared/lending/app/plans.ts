/**
 * Offers, plans, payments, cancellation and delinquency. Two invariants rule everything here: a customer's
 * outstanding exposure never exceeds the limit (enforced only by the conditional ADD in the plan-creation
 * transaction), and no payment is lost or counted twice (every settlement is conditional on the payment being
 * PENDING and on the gateway event being new, and commits with its journal in one transaction).
 */
import { checkoutReferenceOf } from '../api/contracts.ts';
import { ageViolations, residencyViolations } from '../../customers/domain/eligibility.ts';
import { paymentConfirmedJournal, planOpenedJournal, reverseJournal } from '../../ledger/domain/journal.ts';
import { applyPayment } from '../domain/payment-application.ts';
import { NOT_DELINQUENT, planDelinquency, worseBucket } from '../domain/delinquency.ts';
import { borrowingLimitHalalas, offerViolations, type OfferViolation } from '../domain/offer-policy.ts';
import { buildInstallmentSchedule, riyadhCalendarDate } from '../domain/schedule.ts';
import type { LendingPolicy } from '../../kernel/policy.ts';
import { RabhanError } from '../../kernel/errors/rabhan-error.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { buildEventEnvelope } from '../../kernel/messaging/event-envelope.ts';
import { ULID_PATTERN, type Clock, type IdGenerator } from '../../kernel/clock-and-ids.ts';
import { replayOrReject, type IdempotencyScope, type IdempotentOutcome, type StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import type { PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { ReconciliationReason } from '../../payments/domain/reconciliation.ts';
import { holdUnappliedCash } from '../../payments/app/reconciliation.ts';
import { retryingConcurrentUpdates } from '../../kernel/storage/concurrent-updates.ts';
import type { ReconciliationStore } from '../../payments/app/reconciliation-store.ts';
import { bucketTransitionEvents, toJournalRecord } from './plan-changes.ts';
import type { Journal, Offer, Payment, PaymentMethod, Plan, PlanEvent, PlanStore } from './plan-store.ts';

import type { PlanPolicy } from '../../kernel/policy.ts';
import { customersError } from '../../customers/index.ts';
import { lendingError } from '../api/error-codes.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { paymentsError } from '../../payments/index.ts';
import { LENDING_EVENTS } from '../api/events.ts';
import { PAYMENTS_EVENTS } from '../../payments/index.ts';

/** Plan policy lives with the rest of the policy in the domain; re-exported for existing callers. */
export { DEFAULT_PLAN_POLICY, type PlanPolicy } from '../../kernel/policy.ts';

export interface PlanDeps {
  readonly planStore: PlanStore;
  /** Where money the gateway reports, but no payable intent matches, is held until staff apply it. */
  readonly reconciliation: ReconciliationStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly lending: LendingPolicy;
  readonly plans: PlanPolicy;
}

const envelope = (deps: Pick<PlanDeps, 'ids'>, correlationId: string, occurredAt: Date) => ({ eventId: deps.ids.newId(), occurredAt, correlationId });

/**
 * Every offer rule is also an API error code, so a refusal names its first broken rule as its code. The eligibility
 * rules are the customers context's codes; the rest are lending's own.
 */
function refuse(violations: readonly OfferViolation[]): never {
  const rule = violations[0]!;
  const raise = rule === 'RESIDENCY_NOT_ELIGIBLE' || rule === 'AGE_BELOW_MINIMUM' ? customersError : lendingError;
  throw raise(rule as never, { details: violations.map((rule) => ({ field: rule, issue: 'rule violated' })) });
}


// ---- Offers -------------------------------------------------------------------------------------------------

export async function createOffer(
  command: { readonly principal: Principal; readonly amountHalalas: number; readonly downPaymentHalalas: number; readonly installmentCount: number },
  deps: PlanDeps & { readonly cipher: PersonalDataCipher },
): Promise<Offer> {
  const customerId = command.principal.principalId;
  const applicant = await deps.planStore.findApplicant(customerId);
  if (applicant === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const now = deps.clock.now();
  // Age only grows: a customer verified against this minimum (or a higher one) at registration still passes, so
  // the date of birth is decrypted only if the regulator has since raised the minimum.
  const ageAlreadyVerified = applicant.ageVerifiedForMinimumHijriYears >= deps.lending.minimumAgeHijriYears;
  const personalViolations = [
    ...residencyViolations(applicant.nationalIdKind, deps.lending),
    ...(ageAlreadyVerified ? [] : ageViolations(await deps.cipher.decrypt(customerId, 'dateOfBirth', applicant.dateOfBirthCiphertext), deps.lending, now)),
  ];
  const violations = offerViolations(
    {
      // Registration requires a NAFATH-verified principal, so a registered customer is identity-verified.
      identityVerified: true,
      latestAssessment: applicant.latestAssessment,
      eligibilityViolations: personalViolations,
      installmentCount: command.installmentCount,
      amountHalalas: command.amountHalalas,
      downPaymentHalalas: command.downPaymentHalalas,
      outstandingHalalas: applicant.outstandingHalalas,
      plansInArrears: applicant.plansInArrears,
      now,
    },
    deps.lending,
  );
  if (violations.length > 0) refuse(violations);
  const financedHalalas = command.amountHalalas - command.downPaymentHalalas;
  const offer: Offer = {
    offerId: deps.ids.newId(),
    customerId,
    amountHalalas: command.amountHalalas,
    downPaymentHalalas: command.downPaymentHalalas,
    financedHalalas,
    installmentCount: command.installmentCount,
    installments: buildInstallmentSchedule({ financedHalalas, installmentCount: command.installmentCount, startDate: riyadhCalendarDate(now) }, deps.lending),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.plans.offerTtlSeconds * 1000),
    used: false,
  };
  await deps.planStore.saveOffer(offer);
  return offer;
}

// ---- Plans --------------------------------------------------------------------------------------------------

export async function createPlan(
  command: { readonly principal: Principal; readonly offerId: string; readonly correlationId: string; readonly idempotency: IdempotencyScope },
  deps: PlanDeps & { readonly toResponse: (plan: Plan) => StoredResponse },
): Promise<IdempotentOutcome<Plan>> {
  const customerId = command.principal.principalId;
  const now = deps.clock.now();
  const { offer, customer, idempotency } = await deps.planStore.loadForPlanCreation(customerId, command.offerId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (offer === undefined || customer === undefined) throw lendingError('OFFER_NOT_FOUND');
  if (offer.used) throw lendingError('OFFER_ALREADY_USED');
  if (offer.expiresAt <= now) throw lendingError('OFFER_EXPIRED');
  // Age and residency were checked when the offer was made and cannot get worse within its lifetime; the assessment,
  // the exposure and arrears can, so they are checked again (exposure and arrears once more, atomically, on commit).
  const violations = offerViolations(
    {
      identityVerified: true,
      latestAssessment: customer.latestAssessment,
      eligibilityViolations: [],
      installmentCount: offer.installmentCount,
      amountHalalas: offer.amountHalalas,
      downPaymentHalalas: offer.downPaymentHalalas,
      outstandingHalalas: customer.outstandingHalalas,
      plansInArrears: customer.plansInArrears,
      now,
    },
    deps.lending,
  );
  if (violations.length > 0) refuse(violations);

  const planId = deps.ids.newId();
  const plan: Plan = {
    planId,
    customerId,
    offerId: offer.offerId,
    status: 'ACTIVE',
    amountHalalas: offer.amountHalalas,
    downPaymentHalalas: offer.downPaymentHalalas,
    financedHalalas: offer.financedHalalas,
    outstandingHalalas: offer.financedHalalas,
    payableHalalas: offer.financedHalalas,
    installments: offer.installments.map((installment) => ({ ...installment, paidHalalas: 0, status: 'DUE' })),
    delinquencyBucket: 'CURRENT',
    createdAt: now,
    version: 1,
    auditHead: { sequence: 0, hash: '0'.repeat(64) },
  };
  await deps.planStore.createPlan({
    offer,
    plan,
    journal: toJournalRecord(planId, deps.ids.newId(), 'Plan opened', now, planOpenedJournal(plan.financedHalalas)),
    borrowingLimitHalalas: borrowingLimitHalalas(customer.latestAssessment, deps.lending),
    arrearsBucketBlockingNewPlans: deps.lending.arrearsBucketBlockingNewPlans,
    assessmentIdRead: customer.latestAssessment?.assessmentId,
    audit: { action: 'PLAN_CREATED', actor: customerId, occurredAt: now.toISOString(), facts: { offerId: offer.offerId, financedHalalas: plan.financedHalalas } },
    events: [
      {
        type: LENDING_EVENTS.planCreated,
        envelope: buildEventEnvelope(
          LENDING_EVENTS.planCreated,
          { planId, customerId, financedHalalas: plan.financedHalalas, downPaymentHalalas: plan.downPaymentHalalas, installmentCount: plan.installments.length, createdAt: now.toISOString() },
          envelope(deps, command.correlationId, now),
        ),
      },
    ],
    idempotency: { scope: command.idempotency, response: deps.toResponse(plan) },
  });
  return { kind: 'performed', value: plan };
}

/** Ownership is checked here: another customer's plan is indistinguishable from a missing one. */
export async function findOwnPlan(principal: Principal, planId: string, planStore: PlanStore): Promise<Plan> {
  const plan = await planStore.findPlan(planId);
  if (plan === undefined || plan.customerId !== principal.principalId) throw lendingError('PLAN_NOT_FOUND');
  return plan;
}

export interface StatementPage {
  readonly planId: string;
  readonly journals: readonly Journal[];
  /** Present when the page is full, so more journals may follow. */
  readonly nextCursor?: string;
}

/** One page of the caller's own plan's journals, in posting order. The cursor is the last journal id shown. */
export async function planStatement(
  query: { readonly principal: Principal; readonly planId: string; readonly limit: number; readonly cursor: string | undefined },
  planStore: PlanStore,
): Promise<StatementPage> {
  const plan = await findOwnPlan(query.principal, query.planId, planStore);
  const afterJournalId = query.cursor === undefined ? undefined : Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (afterJournalId !== undefined && !ULID_PATTERN.test(afterJournalId)) {
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'query.cursor', issue: 'not a cursor from this statement' }] });
  }
  const journals = await planStore.listJournals(plan.planId, query.limit, afterJournalId);
  const last = journals.at(-1);
  return { planId: plan.planId, journals, ...(journals.length === query.limit && last !== undefined ? { nextCursor: Buffer.from(last.journalId).toString('base64url') } : {}) };
}

export async function cancelPlan(
  command: { readonly principal: Principal; readonly planId: string; readonly correlationId: string; readonly idempotency: IdempotencyScope },
  deps: PlanDeps & { readonly toResponse: (plan: Plan) => StoredResponse },
): Promise<IdempotentOutcome<Plan>> {
  const now = deps.clock.now();
  const { plan, idempotency } = await deps.planStore.loadPlanForUpdate(command.planId, command.idempotency);
  // A retry of a cancellation that already happened gets the original answer, not CANCELLATION_NOT_ALLOWED.
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (plan === undefined || plan.customerId !== command.principal.principalId) throw lendingError('PLAN_NOT_FOUND');
  const withinCoolingOff = now.getTime() - plan.createdAt.getTime() <= deps.plans.coolingOffSeconds * 1000;
  const untouched = plan.outstandingHalalas === plan.financedHalalas && plan.payableHalalas === plan.outstandingHalalas;
  if (plan.status !== 'ACTIVE' || !withinCoolingOff || !untouched) throw lendingError('CANCELLATION_NOT_ALLOWED');
  // A cancelled plan owes nothing, so it is no longer behind: it leaves the arrears counters and publishes the cure.
  const cancelled: Plan = { ...plan, status: 'CANCELLED', outstandingHalalas: 0, payableHalalas: 0, delinquencyBucket: 'CURRENT' };
  const [opening] = await deps.planStore.listJournals(plan.planId, 1);
  if (opening === undefined) throw new Error('An active plan must have its opening journal');
  await deps.planStore.cancelPlan({
    plan,
    cancelled,
    journal: toJournalRecord(plan.planId, deps.ids.newId(), 'Plan cancelled in the cooling-off window', now, reverseJournal(planOpenedJournal(plan.financedHalalas)), opening.journalId),
    audit: { action: 'PLAN_CANCELLED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { releasedHalalas: plan.outstandingHalalas } },
    events: [
      {
        type: LENDING_EVENTS.planCancelled,
        envelope: buildEventEnvelope(
          LENDING_EVENTS.planCancelled,
          { planId: plan.planId, customerId: plan.customerId, releasedHalalas: plan.outstandingHalalas, cancelledAt: now.toISOString() },
          envelope(deps, command.correlationId, now),
        ),
      },
      ...bucketTransitionEvents(plan, NOT_DELINQUENT, deps, command.correlationId, now),
    ],
    cancelledAt: now,
    idempotency: { scope: command.idempotency, response: deps.toResponse(cancelled) },
  });
  return { kind: 'performed', value: cancelled };
}

// ---- Payments -----------------------------------------------------------------------------------------------

export async function createPaymentIntent(
  command: {
    readonly principal: Principal;
    readonly planId: string;
    /** Undefined asks for the whole remaining payable balance (early settlement). */
    readonly amountHalalas: number | undefined;
    readonly method: PaymentMethod;
    readonly correlationId: string;
    readonly idempotency: IdempotencyScope;
  },
  deps: PlanDeps & { readonly toResponse: (payment: Payment) => StoredResponse },
): Promise<IdempotentOutcome<Payment>> {
  const now = deps.clock.now();
  const { plan, idempotency } = await deps.planStore.loadPlanForUpdate(command.planId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (plan === undefined || plan.customerId !== command.principal.principalId) throw lendingError('PLAN_NOT_FOUND');
  if (plan.status !== 'ACTIVE') throw lendingError('PLAN_NOT_ACTIVE');
  const amountHalalas = command.amountHalalas ?? plan.payableHalalas;
  if (amountHalalas <= 0 || amountHalalas > plan.payableHalalas) throw paymentsError('PAYMENT_EXCEEDS_BALANCE');
  const paymentId = deps.ids.newId();
  const payment: Payment = {
    paymentId,
    planId: plan.planId,
    customerId: plan.customerId,
    amountHalalas,
    method: command.method,
    purpose: command.amountHalalas === undefined ? 'EARLY_SETTLEMENT' : 'INSTALLMENT',
    status: 'PENDING',
    checkoutReference: checkoutReferenceOf(paymentId),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.plans.paymentIntentTtlSecondsByMethod[command.method] * 1000),
  };
  await deps.planStore.createPaymentIntent({
    plan,
    payment,
    audit: {
      action: 'PAYMENT_AMOUNT_RESERVED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { paymentId, amountHalalas, method: command.method, expiresAt: payment.expiresAt.toISOString() },
    },
    event: buildEventEnvelope(
      PAYMENTS_EVENTS.paymentIntentCreated,
      { paymentId, planId: plan.planId, checkoutReference: payment.checkoutReference, amountHalalas, method: command.method },
      envelope(deps, command.correlationId, now),
    ),
    idempotency: { scope: command.idempotency, response: deps.toResponse(payment) },
  });
  return { kind: 'performed', value: payment };
}

export interface GatewayNotification {
  readonly gatewayEventId: string;
  readonly outcome: 'CONFIRMED' | 'FAILED';
  readonly planId: string;
  readonly paymentId: string;
  readonly amountHalalas: number;
  /** Who settles: the gateway by webhook (the default), or our expiry job failing an intent the gateway never settled. */
  readonly settledBy?: 'payment-gateway' | 'intent-expiry';
}

/**
 * `held-for-reconciliation`: the gateway reports money received that matches no payable intent (an unknown payment,
 * a different amount, a payment already settled the other way). The money is recorded in suspense and the caller
 * must page an operator. `contradicts-settlement`: a failure reported for a payment already confirmed; no money
 * arrived, but the gateway and the ledger disagree, so the caller must raise it too.
 */
export type SettlementResult = 'settled' | 'duplicate' | 'already-settled' | 'held-for-reconciliation' | 'duplicate-held-for-reconciliation' | 'contradicts-settlement';

/** Applies a gateway webhook once. Replays, duplicates and late or out-of-order deliveries change nothing. */
export async function settlePayment(command: GatewayNotification & { readonly correlationId: string }, deps: PlanDeps): Promise<SettlementResult> {
  const { payment, plan, gatewayEvent } = await deps.planStore.loadForSettlement(command.planId, command.paymentId, command.gatewayEventId);
  // A redelivery of held money says so again, so that the operator is paged even if the first delivery crashed
  // between committing the hold and raising the alarm.
  if (gatewayEvent !== undefined) return gatewayEvent.heldForReconciliation ? 'duplicate-held-for-reconciliation' : 'duplicate';
  const confirmed = command.outcome === 'CONFIRMED';
  const hold = (reason: ReconciliationReason) =>
    holdUnappliedCash({ gatewayEventId: command.gatewayEventId, checkoutReference: checkoutReferenceOf(command.paymentId), planId: command.planId, amountHalalas: command.amountHalalas }, reason, deps);
  if (payment === undefined || plan === undefined) {
    if (confirmed) return hold('UNKNOWN_PAYMENT');
    throw paymentsError('PAYMENT_NOT_FOUND');
  }
  // A confirmation the gateway delivered after our expiry job failed the intent: the customer paid, so the money
  // is applied if the plan can still take it (the expiry released the reservation), like a fresh intent confirmed.
  const lateConfirmation = payment.status === 'FAILED' && payment.settledBy === 'intent-expiry' && command.outcome === 'CONFIRMED';
  if (payment.status !== 'PENDING' && !lateConfirmation) {
    // A redelivery of the same event stopped at the replay guard above, so a confirmation under another event id for
    // a confirmed payment is a second capture: its money is recorded too, never assumed to be the same money.
    if (payment.status === command.outcome) return confirmed ? hold('DUPLICATE_CAPTURE') : 'already-settled';
    return confirmed ? hold('CONTRADICTS_SETTLEMENT') : 'contradicts-settlement';
  }
  if (payment.amountHalalas !== command.amountHalalas) {
    if (confirmed) return hold('AMOUNT_MISMATCH');
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'body.amountHalalas', issue: 'does not match the payment intent' }] });
  }
  if (lateConfirmation && (plan.status !== 'ACTIVE' || plan.payableHalalas < payment.amountHalalas)) return hold('CONTRADICTS_SETTLEMENT');
  const previousStatus = lateConfirmation ? 'FAILED' : 'PENDING';
  const now = deps.clock.now();
  const settled: Payment = { ...payment, status: command.outcome, settledAt: now, settledBy: command.settledBy ?? 'payment-gateway' };
  if (command.outcome === 'FAILED') {
    const stored = await deps.planStore.settlePayment({
      payment: settled,
      previousStatus,
      gatewayEventId: command.gatewayEventId,
      planBefore: plan,
      planAfter: { ...plan, payableHalalas: plan.payableHalalas + payment.amountHalalas },
      journal: undefined,
      audit:
        command.settledBy === 'intent-expiry'
          ? { action: 'PAYMENT_INTENT_EXPIRED', actor: 'system', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId, expiredAt: payment.expiresAt.toISOString() } }
          : { action: 'PAYMENT_FAILED', actor: 'payment-gateway', occurredAt: now.toISOString(), facts: { paymentId: payment.paymentId } },
      events: [
        {
          type: PAYMENTS_EVENTS.paymentFailed,
          envelope: buildEventEnvelope(PAYMENTS_EVENTS.paymentFailed, { paymentId: payment.paymentId, planId: plan.planId, amountHalalas: payment.amountHalalas, failedAt: now.toISOString() }, envelope(deps, command.correlationId, now)),
        },
      ],
    });
    return stored;
  }

  // Intents reserve payable balance, so a confirmed payment always fits what the plan still owes.
  const { installments, allocations, outstandingHalalas, delinquency } = applyPayment(plan.installments, payment.amountHalalas, riyadhCalendarDate(now));
  const completed = outstandingHalalas === 0;
  const planAfter: Plan = {
    ...plan,
    installments,
    outstandingHalalas,
    // An intent's amount left the payable balance when it was created; a late confirmation's was released on expiry.
    payableHalalas: lateConfirmation ? plan.payableHalalas - payment.amountHalalas : plan.payableHalalas,
    status: completed ? 'COMPLETED' : plan.status,
    delinquencyBucket: delinquency.bucket,
  };
  const events: PlanEvent[] = [
    {
      type: PAYMENTS_EVENTS.paymentReceived,
      envelope: buildEventEnvelope(
        PAYMENTS_EVENTS.paymentReceived,
        { paymentId: payment.paymentId, planId: plan.planId, customerId: plan.customerId, amountHalalas: payment.amountHalalas, allocations: [...allocations], outstandingHalalas, receivedAt: now.toISOString() },
        envelope(deps, command.correlationId, now),
      ),
    },
  ];
  events.push(...bucketTransitionEvents(plan, delinquency, deps, command.correlationId, now));
  if (completed) {
    events.push({
      type: LENDING_EVENTS.planCompleted,
      envelope: buildEventEnvelope(LENDING_EVENTS.planCompleted, { planId: plan.planId, customerId: plan.customerId, completedAt: now.toISOString() }, envelope(deps, command.correlationId, now)),
    });
  }
  const stored = await deps.planStore.settlePayment({
    payment: settled,
    previousStatus,
    gatewayEventId: command.gatewayEventId,
    planBefore: plan,
    planAfter,
    journal: toJournalRecord(plan.planId, deps.ids.newId(), `Payment ${payment.paymentId} confirmed`, now, paymentConfirmedJournal(payment.amountHalalas)),
    audit: {
      action: lateConfirmation ? 'PAYMENT_CONFIRMED_AFTER_EXPIRY' : 'PAYMENT_CONFIRMED',
      actor: 'payment-gateway',
      occurredAt: now.toISOString(),
      facts: { paymentId: payment.paymentId, amountHalalas: payment.amountHalalas },
    },
    events,
  });
  return stored;
}

// ---- Delinquency --------------------------------------------------------------------------------------------

/** Payment intents read per page by the expiry job. */
export const INTENT_EXPIRY_PAGE_SIZE = 100;

/**
 * Fails every PENDING payment intent past its expiry, releasing the amount it reserved: without this a checkout
 * the gateway never settles (abandoned, or its webhook lost) would block that much of the plan, and its
 * cancellation, for good. Each expiry goes through the gateway's own FAILED path under a fixed event id, so it
 * applies once however often the job runs, and loses to a real gateway outcome that arrives first.
 */
export async function expirePaymentIntents(
  command: { readonly correlationId: string },
  deps: PlanDeps & { readonly onIntentFailed?: (paymentId: string, error: unknown) => void },
): Promise<{ readonly intentsExpired: number; readonly intentsFailed: number }> {
  let intentsExpired = 0;
  let intentsFailed = 0;
  for await (const payment of deps.planStore.listExpiredPaymentIntents(deps.clock.now(), INTENT_EXPIRY_PAGE_SIZE)) {
    try {
      const result = await settlePayment(
        { gatewayEventId: `expiry_${payment.paymentId}`, outcome: 'FAILED', settledBy: 'intent-expiry', planId: payment.planId, paymentId: payment.paymentId, amountHalalas: payment.amountHalalas, correlationId: command.correlationId },
        deps,
      );
      if (result === 'settled') intentsExpired += 1;
    } catch (error) {
      // One intent that fails (a lost race, throttling) never stops the run: it is still PENDING, nothing of it
      // was written, and the next run expires it.
      if (!(error instanceof RabhanError && error.code === 'CONCURRENT_UPDATE')) {
        intentsFailed += 1;
        deps.onIntentFailed?.(payment.paymentId, error);
      }
    }
  }
  return { intentsExpired, intentsFailed };
}

/** Calendar months of due dates the job looks back over; plans overdue longer stay in the 90+ bucket anyway. */
export const DELINQUENCY_LOOKBACK_MONTHS = 24;
/** Plans read per page by the delinquency job. */
export const DELINQUENCY_PAGE_SIZE = 100;
/** Tries per plan in one run: a conflict clears in milliseconds, and a plan still failing waits for the next run. */
export const DELINQUENCY_ATTEMPTS_PER_PLAN_MAX = 3;

export interface DelinquencyRunReport {
  /** Plans the index listed as due. */
  readonly plansProcessed: number;
  /** Plans whose installments or bucket changed, with their events published. */
  readonly plansUpdated: number;
  /** Plans with nothing new since the last run. */
  readonly plansSkipped: number;
  /** Plans that still failed after every attempt; the next run retries them, since nothing of theirs was written. */
  readonly plansFailed: number;
}

/**
 * Marks overdue installments and moves plans between arrears buckets. Each plan is its own transaction, so one
 * plan that keeps failing never stops the run: it is retried, counted and left for the next run, which starts over
 * from the index and finds it unchanged. A plan already marked is skipped, so a rerun picks up where one stopped.
 */
export async function markOverdueInstallments(
  command: { readonly correlationId: string },
  deps: PlanDeps & { readonly onPlanFailed?: (planId: string, error: unknown) => void },
): Promise<DelinquencyRunReport> {
  const now = deps.clock.now();
  const today = riyadhCalendarDate(now);
  const tally = { plansProcessed: 0, plansUpdated: 0, plansSkipped: 0, plansFailed: 0 };
  for await (const listed of deps.planStore.listPlansDueBefore(today, DELINQUENCY_LOOKBACK_MONTHS, DELINQUENCY_PAGE_SIZE)) {
    tally.plansProcessed += 1;
    try {
      const outcome = await markPlanDelinquency(listed, { ...command, now, today }, deps);
      if (outcome === 'updated') tally.plansUpdated += 1;
      else tally.plansSkipped += 1;
    } catch (error) {
      tally.plansFailed += 1;
      deps.onPlanFailed?.(listed.planId, error);
    }
  }
  return tally;
}

/** One plan's delinquency update, read afresh and retried when it loses a race to a payment or another writer. */
async function markPlanDelinquency(listed: Plan, run: { readonly correlationId: string; readonly now: Date; readonly today: string }, deps: PlanDeps): Promise<'updated' | 'unchanged'> {
  let attempts = 0;
  return retryingConcurrentUpdates(async () => {
    const plan = attempts++ === 0 ? listed : await deps.planStore.findPlan(listed.planId);
    if (plan === undefined || plan.status !== 'ACTIVE') return 'unchanged';
    const change = delinquencyChange(plan, run, deps);
    // Running the job again finds nothing new: no write, no event.
    if (change === undefined) return 'unchanged';
    await deps.planStore.markDelinquency(change);
    return 'updated';
  }, DELINQUENCY_ATTEMPTS_PER_PLAN_MAX);
}

function delinquencyChange(plan: Plan, run: { readonly correlationId: string; readonly now: Date; readonly today: string }, deps: PlanDeps) {
  const measured = planDelinquency(plan.installments, run.today);
  // The run only ever worsens a bucket; payments cure. A run that began before midnight must not undo the bucket a
  // payment stored, measured a day later.
  const delinquency = { ...measured, bucket: worseBucket(plan.delinquencyBucket, measured.bucket) };
  const overdueSequences = new Set(delinquency.overdue.map((installment) => installment.sequence));
  const newlyOverdue = delinquency.overdue.filter((installment) => plan.installments.find((candidate) => candidate.sequence === installment.sequence)?.status !== 'OVERDUE');
  if (newlyOverdue.length === 0 && delinquency.bucket === plan.delinquencyBucket) return undefined;
  const updated: Plan = {
    ...plan,
    delinquencyBucket: delinquency.bucket,
    installments: plan.installments.map((installment) => (overdueSequences.has(installment.sequence) ? { ...installment, status: 'OVERDUE' } : installment)),
  };
  const events: PlanEvent[] = newlyOverdue.map((installment) => ({
    type: LENDING_EVENTS.installmentOverdue,
    envelope: buildEventEnvelope(
      LENDING_EVENTS.installmentOverdue,
      { planId: plan.planId, customerId: plan.customerId, sequence: installment.sequence, dueDate: installment.dueDate, remainingHalalas: installment.remainingHalalas, daysPastDue: installment.daysPastDue },
      envelope(deps, run.correlationId, run.now),
    ),
  }));
  events.push(...bucketTransitionEvents(plan, delinquency, deps, run.correlationId, run.now));
  return {
    plan,
    updated,
    audit: { action: 'DELINQUENCY_UPDATED', actor: 'system', occurredAt: run.now.toISOString(), facts: { bucket: delinquency.bucket } },
    events,
  };
}

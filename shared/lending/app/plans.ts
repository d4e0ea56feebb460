/**
 * Plans: created from an offer, read by their owner, and cancelled within the cooling-off window. The customer's
 * outstanding exposure never exceeds the limit: that is enforced only by the conditional ADD in the plan-creation
 * transaction, whatever runs at the same time.
 */
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotentOutcome, type IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { ULID_PATTERN } from '../../kernel/clock-and-ids.ts';
import { planOpenedJournal, reverseJournal } from '../../ledger/index.ts';
import { lendingError } from '../api/error-codes.ts';
import { LENDING_EVENTS } from '../api/events.ts';
import { NOT_DELINQUENT } from '../domain/delinquency.ts';
import { borrowingLimitHalalas, offerViolations } from '../domain/offer-policy.ts';
import type { Offer, Plan } from '../domain/plan.ts';
import type { EnvelopeFacts } from '../../kernel/messaging/event-envelope.ts';
import { cancellationOf, openPlan } from '../domain/plan-transitions.ts';
import type { LendingDeps } from './lending-deps.ts';
import { refuse } from './offers.ts';
import { bucketTransitionEvents, toJournalRecord } from './plan-changes.ts';
import type { Journal, PlanPage, PlanStore, QuoteSettlementWrites } from './ports.ts';

type CommandDeps = Pick<LendingDeps, 'planStore' | 'clock' | 'ids' | 'lending' | 'plans' | 'quoteSettlement' | 'projectOpening'>;

function purchaseWrites(deps: Pick<LendingDeps, 'quoteSettlement' | 'projectOpening'>, offer: Offer, plan: Plan, now: Date, facts: () => EnvelopeFacts): QuoteSettlementWrites | undefined {
  if (offer.quote === undefined) return undefined;
  if (deps.quoteSettlement === undefined || deps.projectOpening === undefined) throw new Error('A plan financing a quote needs the quote settlement and the project opening');
  const settlement = deps.quoteSettlement.settle(offer.quote, plan.planId, now, facts);
  // The installation project opens in the same transaction, so a financed quote always has its project.
  const project = deps.projectOpening.open(plan, facts);
  return { ...settlement, writes: [...settlement.writes, ...project.writes], events: [...settlement.events, ...project.events] };
}

export async function createPlan(
  command: { readonly principal: Principal; readonly offerId: string; readonly correlationId: string; readonly idempotency: IdempotentRequest<Plan> },
  deps: CommandDeps,
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
  const plan = openPlan(offer, deps.ids.newId(), now);
  const { planId } = plan;
  const created = { planId, customerId, financedHalalas: plan.financedHalalas, downPaymentHalalas: plan.downPaymentHalalas, installmentCount: plan.installments.length, createdAt: now.toISOString() };
  const facts = () => newEventFacts(deps.ids, command.correlationId, now);
  const purchase = purchaseWrites(deps, offer, plan, now, facts);
  await deps.planStore.createPlan({
    offer,
    plan,
    journal: toJournalRecord(planId, deps.ids.newId(), 'Plan opened', now, planOpenedJournal(plan.financedHalalas)),
    borrowingLimitHalalas: borrowingLimitHalalas(customer.latestAssessment, deps.lending),
    arrearsBucketBlockingNewPlans: deps.lending.arrearsBucketBlockingNewPlans,
    assessmentIdRead: customer.latestAssessment?.assessmentId,
    audit: { action: 'PLAN_CREATED', actor: customerId, occurredAt: now.toISOString(), facts: { offerId: offer.offerId, financedHalalas: plan.financedHalalas } },
    // Each installer who quoted learns the outcome: the chosen one that it was accepted, the others declined.
    events: [outboundEvent(LENDING_EVENTS.planCreated, created, facts()), ...(purchase?.events ?? [])],
    idempotency: { scope: command.idempotency, response: command.idempotency.replyTo(plan) },
    ...(purchase === undefined ? {} : { purchase }),
  });
  return { kind: 'performed', value: plan };
}

/** Ownership is checked here: another customer's plan is indistinguishable from a missing one. */
export async function findOwnPlan(principal: Principal, planId: string, planStore: Pick<PlanStore, 'findPlan'>): Promise<Plan> {
  const plan = await planStore.findPlan(planId);
  if (plan === undefined || plan.customerId !== principal.principalId) throw lendingError('PLAN_NOT_FOUND');
  return plan;
}

/** The caller's own plans, newest first, a page at a time. */
export function listOwnPlans(query: { readonly principal: Principal; readonly limit: number; readonly cursor: string | undefined }, planStore: Pick<PlanStore, 'listPlans'>): Promise<PlanPage> {
  return planStore.listPlans(query.principal.principalId, query.limit, query.cursor);
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
  planStore: Pick<PlanStore, 'findPlan' | 'listJournals'>,
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
  command: { readonly principal: Principal; readonly planId: string; readonly correlationId: string; readonly idempotency: IdempotentRequest<Plan> },
  deps: CommandDeps,
): Promise<IdempotentOutcome<Plan>> {
  const now = deps.clock.now();
  const { plan, idempotency } = await deps.planStore.loadPlanForUpdate(command.planId, command.idempotency);
  // A retry of a cancellation that already happened gets the original answer, not CANCELLATION_NOT_ALLOWED.
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (plan === undefined || plan.customerId !== command.principal.principalId) throw lendingError('PLAN_NOT_FOUND');
  // The plan and its installation project are cancelled together, with the down payment's refund, by the project.
  if (plan.purchase !== undefined) throw lendingError('PLAN_CANCELLED_WITH_ITS_PROJECT');
  const cancelled = cancellationOf(plan, now, deps.plans.coolingOffSeconds);
  if (cancelled === undefined) throw lendingError('CANCELLATION_NOT_ALLOWED');
  const [opening] = await deps.planStore.listJournals(plan.planId, 1);
  if (opening === undefined) throw new Error('An active plan must have its opening journal');
  const facts = newEventFacts(deps.ids, command.correlationId, now);
  const released = { planId: plan.planId, customerId: plan.customerId, releasedHalalas: plan.outstandingHalalas, cancelledAt: now.toISOString() };
  await deps.planStore.cancelPlan({
    plan,
    cancelled,
    journal: toJournalRecord(plan.planId, deps.ids.newId(), 'Plan cancelled in the cooling-off window', now, reverseJournal(planOpenedJournal(plan.financedHalalas)), opening.journalId),
    audit: { action: 'PLAN_CANCELLED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { releasedHalalas: plan.outstandingHalalas } },
    // A cancelled plan owes nothing, so it is no longer behind: it leaves the arrears counters and publishes the cure.
    events: [outboundEvent(LENDING_EVENTS.planCancelled, released, facts), ...bucketTransitionEvents(plan, NOT_DELINQUENT, deps, command.correlationId, now)],
    cancelledAt: now,
    idempotency: { scope: command.idempotency, response: command.idempotency.replyTo(cancelled) },
  });
  return { kind: 'performed', value: cancelled };
}

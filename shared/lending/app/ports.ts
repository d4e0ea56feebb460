/** The persistence ports of lending: offers, plans, and the delinquency job's reads and writes. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { IdempotencyRecord, IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import type { ArrearsBucket } from '../domain/delinquency.ts';
import type { PostedJournal } from '../../ledger/index.ts';
import type { Applicant, CustomerLendingState, Offer, Plan, QuoteBinding } from '../domain/plan.ts';

/** A balanced journal as posted to a plan's own ledger: the lines of its statement. */
export interface Journal extends PostedJournal {
  readonly planId: string;
}

/** An event to publish through the outbox in the same transaction as the change it reports. */
export type PlanEvent = OutboundEvent;

/** What creating a plan commits, all in one transaction. */
export interface PlanCreation {
  readonly offer: Offer;
  readonly plan: Plan;
  readonly journal: Journal;
  /** The customer's total outstanding balance may not exceed this after the plan: the SAMA limit or the lower credit ceiling. */
  readonly borrowingLimitHalalas: number;
  /** No plan is created while any of the customer's plans sits in this bucket or a worse one. */
  readonly arrearsBucketBlockingNewPlans: ArrearsBucket;
  /** The credit assessment the plan was judged on; the plan commits only while it is still the latest. */
  readonly assessmentIdRead: string | undefined;
  readonly audit: AuditEntryContent;
  readonly events: readonly PlanEvent[];
  readonly idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse };
  /** When the plan finances an installer's quote: the marketplace's part of the same transaction. */
  readonly purchase?: QuoteSettlementWrites;
}

/**
 * The marketplace's part of a plan that finances a quote, as lending commits it: opaque transaction items (built by
 * the marketplace, docs/decisions/0010), the events telling each installer the outcome, and what a refusal of those
 * items means. A port, so that lending's plan path does not depend on the marketplace (which depends on lending).
 */
export interface QuoteSettlementWrites {
  readonly writes: readonly { readonly name: string; readonly item: unknown }[];
  readonly events: readonly OutboundEvent[];
  /** The error to answer with when the transaction was refused by one of these writes, else undefined. */
  refusalFor(failedConditions: readonly string[], itemsAtFailure: ReadonlyMap<string, Record<string, unknown>>): Error | undefined;
}

/**
 * Opening the installation project of a plan that finances a quote, inside the plan's transaction: opaque items built
 * by the projects context, and its event. A port, so that lending does not depend on projects (which depends on it).
 */
export interface ProjectOpening {
  open(plan: Plan, eventFacts: () => { readonly eventId: string; readonly occurredAt: Date; readonly correlationId: string }): { readonly writes: readonly { readonly name: string; readonly item: unknown }[]; readonly events: readonly OutboundEvent[] };
}

export interface QuoteSettlement {
  settle(binding: QuoteBinding, planId: string, acceptedAt: Date, eventFacts: () => { readonly eventId: string; readonly occurredAt: Date; readonly correlationId: string }): QuoteSettlementWrites;
}

/** What cancelling a plan in its cooling-off window commits, all in one transaction. */
export interface PlanCancellation {
  readonly plan: Plan;
  /** The plan as cancelled: nothing owed, and back to CURRENT, so it no longer counts as in arrears. */
  readonly cancelled: Plan;
  /** Reverses the opening journal. */
  readonly journal: Journal;
  readonly audit: AuditEntryContent;
  /** Plan Cancelled, and Plan Delinquency Cured if the plan was behind. */
  readonly events: readonly PlanEvent[];
  readonly cancelledAt: Date;
  readonly idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse };
}

export interface PlanPage {
  readonly plans: readonly Plan[];
  readonly nextCursor: string | undefined;
}

export interface OfferStore {
  saveOffer(offer: Offer): Promise<void>;
  /** The offer and the idempotency record of the request that made it, in one transaction. */
  saveOfferIdempotently(offer: Offer, idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse }): Promise<void>;
  findApplicant(customerId: string): Promise<Applicant | undefined>;
}

export interface PlanStore {
  /** One round trip: the offer, the customer's exposure and the idempotency record. */
  loadForPlanCreation(customerId: string, offerId: string, scope: IdempotencyScope): Promise<{ offer: Offer | undefined; customer: CustomerLendingState | undefined; idempotency: IdempotencyRecord | undefined }>;
  /**
   * Throws RabhanError OFFER_ALREADY_USED / EXPOSURE_LIMIT_EXCEEDED / PLAN_IN_ARREARS / IDEMPOTENCY_KEY_IN_USE when a
   * condition fails, and CONCURRENT_UPDATE when a newer credit assessment arrived since the read.
   */
  createPlan(creation: PlanCreation): Promise<void>;
  findPlan(planId: string): Promise<Plan | undefined>;
  listPlans(customerId: string, limit: number, cursor: string | undefined): Promise<PlanPage>;
  /** A plan's journals in posting order, at most `limit`, starting after `afterJournalId` when given. */
  listJournals(planId: string, limit: number, afterJournalId?: string): Promise<readonly Journal[]>;
  /** One round trip: the plan and the idempotency record of the request that changes it. */
  loadPlanForUpdate(planId: string, scope: IdempotencyScope): Promise<{ plan: Plan | undefined; idempotency: IdempotencyRecord | undefined }>;
  /** Throws CONCURRENT_UPDATE when the plan changed since it was read, IDEMPOTENCY_KEY_IN_USE when a concurrent retry won. */
  cancelPlan(cancellation: PlanCancellation): Promise<void>;
}

export interface DelinquencyStore {
  /** Plans whose oldest unpaid installment fell due before `today`, page by page. */
  listPlansDueBefore(today: string, monthsBack: number, pageSize: number): AsyncIterable<Plan>;
  /** Throws CONCURRENT_UPDATE when the plan changed since it was read, like every other plan update. */
  markDelinquency(input: { plan: Plan; updated: Plan; audit: AuditEntryContent; events: readonly PlanEvent[] }): Promise<void>;
}

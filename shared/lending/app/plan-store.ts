/** The persistence port for offers, plans, payments and the ledger. */
import type { EventDetailEnvelope, EventTypeDefinition } from '../../kernel/messaging/event-type.ts';
import type { AuditEntryContent } from '../../audit/domain/audit-chain.ts';
import type { ArrearsBucket, ArrearsCounts, DelinquencyBucket } from '../domain/delinquency.ts';
import type { AssessmentSummary } from '../domain/offer-policy.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import type { JournalEntry, LedgerAccount } from '../../ledger/domain/journal.ts';
import type { IdempotencyRecord, IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';

export interface OfferInstallment {
  readonly sequence: number;
  readonly dueDate: string;
  readonly amountHalalas: number;
}

export interface Offer {
  readonly offerId: string;
  readonly customerId: string;
  readonly amountHalalas: number;
  readonly downPaymentHalalas: number;
  readonly financedHalalas: number;
  readonly installmentCount: number;
  readonly installments: readonly OfferInstallment[];
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly used: boolean;
}

export type InstallmentStatus = 'DUE' | 'OVERDUE' | 'PAID';

export interface PlanInstallment extends OfferInstallment {
  readonly paidHalalas: number;
  readonly status: InstallmentStatus;
}

export type PlanStatus = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

export interface Plan {
  readonly planId: string;
  readonly customerId: string;
  readonly offerId: string;
  readonly status: PlanStatus;
  readonly amountHalalas: number;
  readonly downPaymentHalalas: number;
  readonly financedHalalas: number;
  readonly outstandingHalalas: number;
  /** Outstanding less pending payment intents: what a new intent may still ask for. */
  readonly payableHalalas: number;
  readonly installments: readonly PlanInstallment[];
  readonly delinquencyBucket: DelinquencyBucket;
  readonly createdAt: Date;
  /** Optimistic-lock version: every update is conditional on it. */
  readonly version: number;
  readonly auditHead: { readonly sequence: number; readonly hash: string };
}

export type PaymentStatus = 'PENDING' | 'CONFIRMED' | 'FAILED';
export type PaymentMethod = 'MADA' | 'CREDIT_CARD' | 'APPLE_PAY' | 'SADAD';

export interface Payment {
  readonly paymentId: string;
  readonly planId: string;
  readonly customerId: string;
  readonly amountHalalas: number;
  readonly method: PaymentMethod;
  readonly purpose: 'INSTALLMENT' | 'EARLY_SETTLEMENT';
  readonly status: PaymentStatus;
  readonly checkoutReference: string;
  readonly createdAt: Date;
  /** A PENDING intent is expired, and its reserved amount released, after this. */
  readonly expiresAt: Date;
  readonly settledAt?: Date;
  /** Who settled it: the gateway, or the expiry job failing an intent the gateway had not settled in time. */
  readonly settledBy?: PaymentSettler;
}

export type PaymentSettler = 'payment-gateway' | 'intent-expiry';

export type { LedgerAccount };

/** A balanced journal (shared/domain/ledger) as posted against a plan. */
export interface Journal {
  readonly journalId: string;
  readonly planId: string;
  readonly description: string;
  readonly postedAt: Date;
  readonly entries: readonly JournalEntry[];
  /** A reversing journal names the journal it reverses. */
  readonly reverses?: string;
}

export interface CustomerExposure {
  readonly customerId: string;
  readonly outstandingHalalas: number;
}

/** What plan creation re-checks about the customer: exposure, arrears and the latest credit assessment. */
export interface CustomerLendingState extends CustomerExposure {
  readonly latestAssessment: AssessmentSummary | undefined;
  readonly plansInArrears: ArrearsCounts;
}

/** An event to publish through the outbox in the same transaction as the change it reports. */
export interface PlanEvent {
  readonly type: EventTypeDefinition;
  readonly envelope: EventDetailEnvelope;
}

/** What an offer needs to know about the customer, read in one GetItem. */
export interface Applicant extends CustomerLendingState {
  readonly nationalIdKind: NationalIdKind;
  readonly dateOfBirthCiphertext: string;
  readonly ageVerifiedForMinimumHijriYears: number;
}

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

export interface PaymentSettlement {
  /** The payment as it is to be stored; `previousStatus` is what it must still be (a late confirmation follows an expiry). */
  readonly payment: Payment;
  readonly previousStatus: 'PENDING' | 'FAILED';
  readonly gatewayEventId: string;
  readonly planBefore: Plan;
  /** Undefined for a failed payment, which changes no balance. */
  readonly planAfter: Plan;
  readonly journal: Journal | undefined;
  readonly audit: AuditEntryContent;
  readonly events: readonly PlanEvent[];
}

/** A gateway event already recorded, and whether its money was held in suspense rather than applied. */
export interface SeenGatewayEvent {
  readonly heldForReconciliation: boolean;
}

export interface PlanPage {
  readonly plans: readonly Plan[];
  readonly nextCursor: string | undefined;
}

export interface PlanStore {
  saveOffer(offer: Offer): Promise<void>;
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
  findApplicant(customerId: string): Promise<Applicant | undefined>;
  /** Throws CONCURRENT_UPDATE when the plan changed since it was read, IDEMPOTENCY_KEY_IN_USE when a concurrent retry won. */
  cancelPlan(cancellation: PlanCancellation): Promise<void>;
  /** One round trip: the plan and the idempotency record of the request that changes it. */
  loadPlanForUpdate(planId: string, scope: IdempotencyScope): Promise<{ plan: Plan | undefined; idempotency: IdempotencyRecord | undefined }>;
  /** Throws PAYMENT_EXCEEDS_BALANCE, IDEMPOTENCY_KEY_IN_USE, or CONCURRENT_UPDATE when the plan changed since it was read. */
  createPaymentIntent(input: { plan: Plan; payment: Payment; audit: AuditEntryContent; event: EventDetailEnvelope; idempotency: { scope: IdempotencyScope; response: StoredResponse } }): Promise<void>;
  findPayment(planId: string, paymentId: string): Promise<Payment | undefined>;
  /** One round trip: the payment, its plan and whether the gateway event was already seen. */
  loadForSettlement(
    planId: string,
    paymentId: string,
    gatewayEventId: string,
  ): Promise<{ payment: Payment | undefined; plan: Plan | undefined; gatewayEvent: SeenGatewayEvent | undefined }>;
  /**
   * Commits a confirmation or failure once: `duplicate` when this gateway event was already recorded. Throws
   * CONCURRENT_UPDATE when the payment or plan changed since they were read, so the caller reads and decides again.
   */
  settlePayment(settlement: PaymentSettlement): Promise<'settled' | 'duplicate'>;
  /** Plans whose oldest unpaid installment fell due before `today`, page by page. */
  listPlansDueBefore(today: string, monthsBack: number, pageSize: number): AsyncIterable<Plan>;
  /** PENDING payment intents whose expiry is before `now`, oldest first within each index shard. */
  listExpiredPaymentIntents(now: Date, pageSize: number): AsyncIterable<Payment>;
  /** Throws CONCURRENT_UPDATE when the plan changed since it was read, like every other plan update. */
  markDelinquency(input: { plan: Plan; updated: Plan; audit: AuditEntryContent; events: readonly PlanEvent[] }): Promise<void>;
  trialBalance(): Promise<ReadonlyMap<LedgerAccount, { debitHalalas: number; creditHalalas: number }>>;
}

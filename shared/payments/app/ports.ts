/** The persistence port of payment intents and their settlement. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import type { EventDetailEnvelope, OutboundEvent } from '../../kernel/messaging/event-type.ts';
import type { IdempotencyRecord } from '../../kernel/idempotency/idempotency.ts';
import type { Journal, Plan } from '../../lending/index.ts';
import type { Project } from '../../projects/index.ts';
import type { Payment } from '../domain/payment.ts';

export interface PaymentIntentCreation {
  readonly plan: Plan;
  readonly payment: Payment;
  readonly audit: AuditEntryContent;
  readonly event: EventDetailEnvelope;
  readonly idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse };
}

export interface PaymentSettlement {
  /** The payment as it is to be stored; `previousStatus` is what it must still be (a late confirmation follows an expiry). */
  readonly payment: Payment;
  readonly previousStatus: 'PENDING' | 'FAILED';
  readonly gatewayEventId: string;
  readonly planBefore: Plan;
  readonly planAfter: Plan;
  /** Undefined for a failed payment, which moves no money. */
  readonly journal: Journal | undefined;
  readonly audit: AuditEntryContent;
  readonly events: readonly OutboundEvent[];
}

export interface DownPaymentIntentCreation {
  readonly project: Project;
  readonly projectAfter: Project;
  readonly payment: Payment;
  readonly audit: AuditEntryContent;
  readonly event: EventDetailEnvelope;
  readonly idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse };
}

/** A down payment's settlement: the payment, the project's change (audited in its chain) and, when confirmed, the journal. */
export interface DownPaymentSettlement {
  readonly payment: Payment;
  readonly previousStatus: 'PENDING' | 'FAILED';
  readonly gatewayEventId: string;
  readonly projectBefore: Project;
  readonly projectAfter: Project;
  readonly audit: AuditEntryContent;
  readonly journal: Journal | undefined;
  readonly events: readonly OutboundEvent[];
}

/** A gateway event already recorded, and whether its money was held in suspense rather than applied. */
export interface SeenGatewayEvent {
  readonly heldForReconciliation: boolean;
}

export interface PaymentStore {
  /** Throws PAYMENT_EXCEEDS_BALANCE, IDEMPOTENCY_KEY_IN_USE, or CONCURRENT_UPDATE when the plan changed since it was read. */
  createPaymentIntent(creation: PaymentIntentCreation): Promise<void>;
  findPayment(planId: string, paymentId: string): Promise<Payment | undefined>;
  /** One round trip: the payment, its plan, the plan's project (if it finances one) and whether the gateway event was already seen. */
  loadForSettlement(
    planId: string,
    paymentId: string,
    gatewayEventId: string,
  ): Promise<{ payment: Payment | undefined; plan: Plan | undefined; project: Project | undefined; gatewayEvent: SeenGatewayEvent | undefined }>;
  /** One round trip: the project and any record of this idempotency key. */
  loadProjectForDownPayment(projectId: string, scope: IdempotencyScope): Promise<{ project: Project | undefined; idempotency: IdempotencyRecord | undefined }>;
  /** Throws IDEMPOTENCY_KEY_IN_USE, or CONCURRENT_UPDATE when the project changed since it was read. */
  createDownPaymentIntent(creation: DownPaymentIntentCreation): Promise<void>;
  /** As settlePayment, for a down payment. */
  settleDownPayment(settlement: DownPaymentSettlement): Promise<'settled' | 'duplicate'>;
  findProject(projectId: string): Promise<Project | undefined>;
  /** One round trip: the project whose refund is reported, and whether the gateway event was already seen. */
  loadForRefund(projectId: string, gatewayEventId: string): Promise<{ project: Project | undefined; gatewayEventSeen: boolean }>;
  /** Commits a refund's outcome once: `duplicate` when this gateway event was already recorded. */
  settleRefund(settlement: {
    readonly gatewayEventId: string;
    readonly projectBefore: Project;
    readonly projectAfter: Project;
    readonly audit: AuditEntryContent;
    readonly journal: Journal | undefined;
  }): Promise<'settled' | 'duplicate'>;
  /**
   * Commits a confirmation or failure once: `duplicate` when this gateway event was already recorded. Throws
   * CONCURRENT_UPDATE when the payment or plan changed since they were read, so the caller reads and decides again.
   */
  settlePayment(settlement: PaymentSettlement): Promise<'settled' | 'duplicate'>;
  /** PENDING payment intents whose expiry is before `now`, oldest first within each index shard. */
  listExpiredPaymentIntents(now: Date, pageSize: number): AsyncIterable<Payment>;
}

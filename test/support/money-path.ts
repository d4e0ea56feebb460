/**
 * The lending and payments use-cases and models that the money-path tests drive together, gathered in one place:
 * a plan's life crosses both contexts, and so do these tests.
 */
import type { LendingDeps } from '../../shared/lending/app/lending-deps.ts';
import type { PaymentDeps } from '../../shared/payments/app/payment-deps.ts';
import type { DynamoDbLedgerReader } from '../../shared/ledger/adapters/ledger-reads.ts';

export { createOffer } from '../../shared/lending/app/offers.ts';
export { cancelPlan, createPlan, findOwnPlan, planStatement } from '../../shared/lending/app/plans.ts';
export { markOverdueInstallments } from '../../shared/lending/app/delinquency-job.ts';
export { createPaymentIntent } from '../../shared/payments/app/payment-intents.ts';
export { settlePayment, type GatewayNotification, type SettlementResult } from '../../shared/payments/app/settlement.ts';
export { expirePaymentIntents } from '../../shared/payments/app/intent-expiry.ts';
export type { Offer, Plan } from '../../shared/lending/domain/plan.ts';
export type { Payment } from '../../shared/payments/domain/payment.ts';
export type { LedgerAccount } from '../../shared/ledger/domain/journal.ts';
export type { PaymentMethod } from '../../shared/kernel/payment-methods.ts';
export type { DelinquencyStore, OfferStore, PlanStore } from '../../shared/lending/app/ports.ts';
export type { PaymentStore } from '../../shared/payments/app/ports.ts';

/** Every dependency of both contexts' use-cases, as the tests build them on one table. */
export type PlanDeps = LendingDeps & PaymentDeps & { readonly ledger: DynamoDbLedgerReader };

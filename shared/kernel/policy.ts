/**
 * Regulatory and business policy as named values. Defaults follow the SAMA BNPL rules and the product brief
 * (see docs/policy.md); each can be overridden by configuration, within the range shared/kernel/config/policy-config.ts
 * checks, because the regulator may change them.
 */
import { SPLIT_PARTS_MAX } from './money.ts';
import type { PaymentMethod } from './payment-methods.ts';

/**
 * The arrears buckets a plan that is behind can sit in, from the least to the most overdue, as SIMAH reports
 * arrears. Policy names one of them (arrearsBucketBlockingNewPlans), so the list lives with the policy.
 */
export const ARREARS_BUCKETS = ['1-30', '31-60', '61-90', '90+'] as const;
export type ArrearsBucket = (typeof ARREARS_BUCKETS)[number];

/** Schedules and allocation support at most this many installments; the installment policy may not exceed it. */
export const INSTALLMENTS_PER_PLAN_MAX = SPLIT_PARTS_MAX;

export type ResidencyPolicy = 'citizens-only' | 'citizens-and-residents';

const DAY_SECONDS = 24 * 60 * 60;
const HOUR_SECONDS = 60 * 60;

export interface LendingPolicy {
  /** SAMA: a consumer's total outstanding BNPL balance may not exceed this. */
  readonly exposureLimitHalalas: number;
  /** SAMA: at most this many installments per plan. */
  readonly installmentCountMax: number;
  /** SAMA: no consumers younger than this many Hijri (Umm al-Qura) years. */
  readonly minimumAgeHijriYears: number;
  /** Product brief: Saudi citizens only by default; a switch admits Iqama holders. */
  readonly residency: ResidencyPolicy;
  /** How long a completed credit assessment qualifies for new financing; after that it must be renewed. */
  readonly creditAssessmentValiditySeconds: number;
  /** No new plan while any of the customer's plans sits in this arrears bucket or a worse one. */
  readonly arrearsBucketBlockingNewPlans: ArrearsBucket;
  /** Debt-burden rule: with SIMAH obligations above this, the customer's financing ceiling halves. */
  readonly obligationsHalvingThresholdHalalas: number;
  /** Debt-burden rule: with SIMAH obligations above this, the customer is ineligible. Always above the halving threshold. */
  readonly obligationsIneligibleThresholdHalalas: number;
}

export const DEFAULT_LENDING_POLICY: LendingPolicy = {
  exposureLimitHalalas: 5_000_00,
  installmentCountMax: 12,
  minimumAgeHijriYears: 18,
  residency: 'citizens-only',
  creditAssessmentValiditySeconds: 30 * DAY_SECONDS,
  // Any overdue installment blocks a new plan.
  arrearsBucketBlockingNewPlans: '1-30',
  obligationsHalvingThresholdHalalas: 50_000_00,
  obligationsIneligibleThresholdHalalas: 150_000_00,
};

export interface PlanPolicy {
  /** How long an offer can be accepted. */
  readonly offerTtlSeconds: number;
  /** Cooling-off window after plan creation during which the customer may cancel, before any payment. */
  readonly coolingOffSeconds: number;
  /**
   * How long a payment intent may stay PENDING, per method, before it is expired and its reserved amount released.
   * It must exceed the method's checkout lifetime at the gateway, so that no confirmation can arrive for an intent
   * already expired: minutes for a card checkout, days for a SADAD bill.
   */
  readonly paymentIntentTtlSecondsByMethod: Readonly<Record<PaymentMethod, number>>;
}

export const DEFAULT_PLAN_POLICY: PlanPolicy = {
  offerTtlSeconds: 30 * 60,
  coolingOffSeconds: 7 * DAY_SECONDS,
  paymentIntentTtlSecondsByMethod: { MADA: 2 * HOUR_SECONDS, CREDIT_CARD: 2 * HOUR_SECONDS, APPLE_PAY: 2 * HOUR_SECONDS, SADAD: 3 * DAY_SECONDS },
};

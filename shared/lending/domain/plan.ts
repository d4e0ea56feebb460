/** What lending keeps: offers, plans and their installments, and what it knows of a customer's borrowing. */
import type { NationalIdKind } from '../../kernel/national-id.ts';
import type { ArrearsCounts, DelinquencyBucket } from './delinquency.ts';
import type { AssessmentSummary } from './offer-policy.ts';

export interface OfferInstallment {
  readonly sequence: number;
  readonly dueDate: string;
  readonly amountHalalas: number;
}

/**
 * A purchase from an installer's quote that an offer finances (the marketplace's quote, as lending keeps it): the
 * plan made from the offer settles the quote request in its own transaction.
 */
export interface QuoteBinding {
  readonly requestId: string;
  readonly quoteId: string;
  readonly contractorId: string;
  /** The request's quote count when the offer was made: a later quote makes the plan refuse. */
  readonly quoteCountAtOffer: number;
  readonly otherQuotes: readonly { readonly quoteId: string; readonly contractorId: string }[];
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
  /** Present when the offer finances an installer's quote. */
  readonly quote?: QuoteBinding;
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
  /** The quote and installer the plan pays for, when it finances a quote. */
  readonly purchase?: { readonly requestId: string; readonly quoteId: string; readonly contractorId: string };
  /**
   * True while the due dates are provisional: a plan that finances an installation starts its schedule with the work,
   * a policy period after notice to proceed (the projects context fixes it then). Never collected or overdue meanwhile.
   */
  readonly scheduleProvisional?: boolean;
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

/** What an offer needs to know about the customer, read in one GetItem. */
export interface Applicant extends CustomerLendingState {
  readonly nationalIdKind: NationalIdKind;
  readonly dateOfBirthCiphertext: string;
  readonly ageVerifiedForMinimumHijriYears: number;
}

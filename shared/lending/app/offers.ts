/** Offers: what a customer may borrow, checked against every lending rule, with its installment schedule. */
import { ageViolations, customersError, residencyViolations } from '../../customers/index.ts';
import type { PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { lendingError } from '../api/error-codes.ts';
import { offerViolations, type OfferViolation } from '../domain/offer-policy.ts';
import type { Applicant, Offer, QuoteBinding } from '../domain/plan.ts';
import { buildInstallmentSchedule, riyadhCalendarDate } from '../domain/schedule.ts';
import type { LendingDeps } from './lending-deps.ts';

/**
 * Every offer rule is also an API error code, so a refusal names its first broken rule as its code. The eligibility
 * rules are the customers context's codes; the rest are lending's own.
 */
export function refuse(violations: readonly OfferViolation[]): never {
  const rule = violations[0]!;
  const raise = rule === 'RESIDENCY_NOT_ELIGIBLE' || rule === 'AGE_BELOW_MINIMUM' ? customersError : lendingError;
  throw raise(rule as never, { details: violations.map((violation) => ({ field: violation, issue: 'rule violated' })) });
}

export type OfferDeps = Pick<LendingDeps, 'offerStore' | 'clock' | 'ids' | 'lending' | 'plans'> & { readonly cipher: Pick<PersonalDataCipher, 'decrypt'> };

export async function createOffer(
  command: { readonly principal: Principal; readonly amountHalalas: number; readonly downPaymentHalalas: number; readonly installmentCount: number },
  deps: OfferDeps,
): Promise<Offer> {
  const customerId = command.principal.principalId;
  const applicant = await deps.offerStore.findApplicant(customerId);
  if (applicant === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const offer = await offerFor(applicant, command, deps, deps.clock.now());
  await deps.offerStore.saveOffer(offer);
  return offer;
}

/**
 * An offer for this applicant, with every offer rule applied (the refusal names the first broken rule); nothing is
 * stored. An offer on an installer's quote carries the quote's binding for the plan to settle.
 */
export async function offerFor(
  applicant: Applicant,
  terms: { readonly amountHalalas: number; readonly downPaymentHalalas: number; readonly installmentCount: number; readonly quote?: QuoteBinding },
  deps: Pick<OfferDeps, 'cipher' | 'ids' | 'lending' | 'plans'>,
  now: Date,
): Promise<Offer> {
  const { customerId } = applicant;
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
      installmentCount: terms.installmentCount,
      amountHalalas: terms.amountHalalas,
      downPaymentHalalas: terms.downPaymentHalalas,
      outstandingHalalas: applicant.outstandingHalalas,
      plansInArrears: applicant.plansInArrears,
      now,
    },
    deps.lending,
  );
  if (violations.length > 0) refuse(violations);
  const financedHalalas = terms.amountHalalas - terms.downPaymentHalalas;
  return {
    offerId: deps.ids.newId(),
    customerId,
    amountHalalas: terms.amountHalalas,
    downPaymentHalalas: terms.downPaymentHalalas,
    financedHalalas,
    installmentCount: terms.installmentCount,
    installments: buildInstallmentSchedule({ financedHalalas, installmentCount: terms.installmentCount, startDate: riyadhCalendarDate(now) }, deps.lending),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.plans.offerTtlSeconds * 1000),
    used: false,
    ...(terms.quote === undefined ? {} : { quote: terms.quote }),
  };
}

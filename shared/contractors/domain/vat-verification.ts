/**
 * An installer's VAT registration as ZATCA reports it, and what that means for the installer's verification.
 * ZATCA publishes the check digit of neither number reliably, so only the formats are ours to validate
 * (docs: ../shared/design/domain-facts.md); whether the number is registered, and to whom, is ZATCA's answer.
 */

/** ZATCA's answer for a VAT number; REGISTERED says to which company (by unified number). */
export type VatRegistration =
  | { readonly status: 'REGISTERED'; readonly registeredUnifiedNumber: string }
  | { readonly status: 'NOT_REGISTERED' }
  | { readonly status: 'DEREGISTERED' };

export const VAT_VERIFICATION_REJECTION_REASONS = ['VAT_NOT_REGISTERED', 'VAT_DEREGISTERED', 'VAT_REGISTERED_TO_ANOTHER_COMPANY'] as const;
export type VatVerificationRejectionReason = (typeof VAT_VERIFICATION_REJECTION_REASONS)[number];

export type VatVerificationOutcome = { readonly kind: 'VERIFIED' } | { readonly kind: 'REJECTED'; readonly reasonCode: VatVerificationRejectionReason };

/** Verified only when the VAT number is registered to the very company (unified number) that claims it. */
export function verificationOutcome(registration: VatRegistration, unifiedNumber: string): VatVerificationOutcome {
  switch (registration.status) {
    case 'REGISTERED':
      return registration.registeredUnifiedNumber === unifiedNumber ? { kind: 'VERIFIED' } : { kind: 'REJECTED', reasonCode: 'VAT_REGISTERED_TO_ANOTHER_COMPANY' };
    case 'NOT_REGISTERED':
      return { kind: 'REJECTED', reasonCode: 'VAT_NOT_REGISTERED' };
    case 'DEREGISTERED':
      return { kind: 'REJECTED', reasonCode: 'VAT_DEREGISTERED' };
  }
}

/**
 * Saudi company identifiers a contractor's application carries: the unified number, the ZATCA VAT registration
 * number and the regulator's qualification certificate number (see shared/design/domain-facts.md, "Saudi identifiers
 * and formats"). Each check is a format check only: none of these numbers has a published, verified check digit, so
 * whether a number really belongs to the company is for the issuing authority's own lookup to decide (Wathq for the
 * unified number, ZATCA for the VAT number, the regulator for the certificate).
 *
 * The checks take the value exactly as given: callers trim first, and nothing here strips spaces or separators.
 * Digits are ASCII only; Arabic-Indic digits are refused rather than silently translated.
 */

/**
 * Unified number (company): ten digits starting with 7. Since 4 Oct 2020 it replaces the commercial registration (CR)
 * number as the company identifier (SAMA circular 42007290). A legacy CR number (e.g. `1010XXXXXX`, the prefix being
 * the issuing office) is not a unified number and is refused. No check digit is published, so this checks the
 * format only; the Ministry of Commerce's Wathq lookup decides whether the company exists.
 */
export const UNIFIED_NUMBER_PATTERN = /^7[0-9]{9}$/;

/** True when `value` has the unified number's format (format only: no check digit is published). */
export function isUnifiedNumber(value: string): boolean {
  return UNIFIED_NUMBER_PATTERN.test(value);
}

/**
 * ZATCA VAT registration number: fifteen digits whose first and last digits are 3 (GOBL rule
 * GOBL-SA-TAX-IDENTITY-01; example `300270769200003`). Its check-digit algorithm is unverified (sources conflict),
 * so this checks the format only and ZATCA's own validation decides whether the registration is real.
 */
export const VAT_REGISTRATION_NUMBER_PATTERN = /^3[0-9]{13}3$/;

/** True when `value` has the VAT registration number's format (format only: ZATCA decides validity). */
export function isVatRegistrationNumber(value: string): boolean {
  return VAT_REGISTRATION_NUMBER_PATTERN.test(value);
}

/** Bounds on a regulator certificate number: long enough for a short code, short enough to refuse abuse. */
export const REGULATOR_CERTIFICATE_LENGTH_MIN = 3;
export const REGULATOR_CERTIFICATE_LENGTH_MAX = 40;

/**
 * The regulator's installer qualification certificate number. Its format is unverified, so the rule is deliberately
 * loose: 3 to 40 ASCII letters, digits, `-` and `/` (the separators reference numbers commonly use). Tighten it when
 * the regulator's own format is confirmed; the regulator's register decides validity.
 */
export const REGULATOR_CERTIFICATE_PATTERN = new RegExp(
  `^[A-Za-z0-9/-]{${REGULATOR_CERTIFICATE_LENGTH_MIN},${REGULATOR_CERTIFICATE_LENGTH_MAX}}$`,
);

/** True when `value` has the (provisional, unverified) certificate number format. */
export function isRegulatorCertificateNumber(value: string): boolean {
  return REGULATOR_CERTIFICATE_PATTERN.test(value);
}

/**
 * Saudi national ID (citizens, first digit 1) and Iqama (residents, first digit 2): ten digits with a Luhn-style
 * check digit. The algorithm is community-documented rather than an official specification, so it lives behind
 * this one function and its tests.
 */
export type NationalIdKind = 'citizen' | 'resident';

export interface NationalId {
  readonly value: string;
  readonly kind: NationalIdKind;
}

export const NATIONAL_ID_PATTERN = /^[12][0-9]{9}$/;

export function hasValidCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[index]);
    // Positions 1, 3, 5, 7, 9 (1-based) are doubled and their digits summed.
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  return sum % 10 === 0;
}

/** Returns the parsed ID, or undefined when the format or check digit is wrong. */
export function parseNationalId(candidate: string): NationalId | undefined {
  if (!NATIONAL_ID_PATTERN.test(candidate) || !hasValidCheckDigit(candidate)) return undefined;
  return { value: candidate, kind: candidate.startsWith('1') ? 'citizen' : 'resident' };
}

/** Shows only the last four digits, for staff views and support. */
export function maskNationalId(value: string): string {
  return `${'*'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}

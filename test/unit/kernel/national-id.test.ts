import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit, maskNationalId, parseNationalId } from '../../../shared/kernel/national-id.ts';

const KNOWN_VALID_CITIZEN_ID = '1000000008';
const KNOWN_VALID_RESIDENT_ID = '2000000006';

/** Completes a nine-digit body with the one check digit that makes it valid. */
function withCheckDigit(body: string): string {
  const checkDigit = [...'0123456789'].find((digit) => hasValidCheckDigit(`${body}${digit}`));
  if (checkDigit === undefined) throw new Error('one check digit always fits a nine-digit body');
  return `${body}${checkDigit}`;
}

const validNationalId = fc
  .tuple(fc.constantFrom('1', '2'), fc.stringMatching(/^\d{8}$/))
  .map(([firstDigit, middle]) => withCheckDigit(`${firstDigit}${middle}`));

describe('national ID parsing', () => {
  it('accepts the documented known-valid citizen ID 1000000008', () => {
    // Arrange
    const candidate = KNOWN_VALID_CITIZEN_ID;

    // Act
    const parsed = parseNationalId(candidate);

    // Assert
    expect(parsed).toEqual({ value: '1000000008', kind: 'citizen' });
  });

  it('rejects an ID whose check digit is wrong', () => {
    // Arrange
    const wrongCheckDigits = ['1000000000', '1000000001', '1000000007', '1000000009'];

    // Act
    const parsed = wrongCheckDigits.map(parseNationalId);

    // Assert
    expect(parsed).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('rejects IDs of the wrong length, with a leading digit other than 1 or 2, or with non-digits', () => {
    // Arrange: each candidate would pass the check digit arithmetic on its digits alone, or is simply malformed.
    const malformed = ['', '100000008', '10000000008', '3000000004', '0000000000', '100000000a', '10000-0008', ' 1000000008', '1000000008 ', '١٠٠٠٠٠٠٠٠٨'];

    // Act
    const parsed = malformed.map(parseNationalId);

    // Assert
    expect(parsed.every((result) => result === undefined)).toBe(true);
  });

  it('tells a citizen (first digit 1) from a resident (first digit 2)', () => {
    // Arrange / Act
    const citizen = parseNationalId(KNOWN_VALID_CITIZEN_ID);
    const resident = parseNationalId(KNOWN_VALID_RESIDENT_ID);

    // Assert
    expect(citizen?.kind).toBe('citizen');
    expect(resident?.kind).toBe('resident');
  });

  it('accepts every ID completed with its computed check digit, and exactly one check digit fits each body', () => {
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom('1', '2'), fc.stringMatching(/^\d{8}$/)), ([firstDigit, middle]) => {
        // Arrange
        const body = `${firstDigit}${middle}`;

        // Act
        const fitting = [...'0123456789'].filter((digit) => hasValidCheckDigit(`${body}${digit}`));

        // Assert
        expect(fitting).toHaveLength(1);
        expect(parseNationalId(`${body}${fitting[0]}`)?.kind).toBe(firstDigit === '1' ? 'citizen' : 'resident');
      }),
    );
  });

  it('detects every single-digit error: changing any one digit of a valid ID makes it invalid', () => {
    fc.assert(
      fc.property(validNationalId, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (valid, position, shift) => {
        // Arrange
        const changedDigit = String((Number(valid[position]) + shift) % 10);
        const changed = `${valid.slice(0, position)}${changedDigit}${valid.slice(position + 1)}`;

        // Act
        const checkDigitHolds = hasValidCheckDigit(changed);

        // Assert
        expect(changed).not.toBe(valid);
        expect(checkDigitHolds).toBe(false);
        expect(parseNationalId(changed)).toBeUndefined();
      }),
    );
  });
});

describe('national ID masking', () => {
  it('shows only the last four digits', () => {
    // Arrange / Act
    const masked = maskNationalId(KNOWN_VALID_CITIZEN_ID);

    // Assert
    expect(masked).toBe('******0008');
  });

  it('never reveals more than the last four digits of any valid ID', () => {
    fc.assert(
      fc.property(validNationalId, (valid) => {
        // Act
        const masked = maskNationalId(valid);

        // Assert
        expect(masked).toHaveLength(10);
        expect(masked.slice(0, 6)).toBe('******');
        expect(masked.slice(-4)).toBe(valid.slice(-4));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSaudiMobile } from '../../../shared/customers/domain/phone.ts';
import { SAUDI_LANDLINE_AREA_CODES, normaliseSaudiBusinessPhone } from '../../../shared/kernel/saudi-phone.ts';

const digits = (length: number) => fc.stringMatching(new RegExp(`^[0-9]{${length}}$`));
/** A national significant number: a mobile (5 + 8 digits) or a landline (area code + 7 digits). */
const mobileNsn = digits(8).map((rest) => `5${rest}`);
const landlineNsn = fc.tuple(fc.constantFrom(...SAUDI_LANDLINE_AREA_CODES), digits(7)).map(([area, rest]) => `${area}${rest}`);
const prefix = fc.constantFrom('+966', '00966', '966', '0', '');

/** Puts a space, a dash or nothing after each character, as people group numbers. */
function grouped(compact: string, separators: readonly string[]): string {
  return [...compact].map((character, index) => `${character}${index < compact.length - 1 ? (separators[index] ?? '') : ''}`).join('');
}
const separators = fc.array(fc.constantFrom('', '', '', ' ', '-'), { minLength: 16, maxLength: 16 });

describe('Saudi business phone normalisation', () => {
  it('normalises a Riyadh landline written nationally, 011 234 5678, to +966112345678', () => {
    // Act / Assert
    expect(normaliseSaudiBusinessPhone('011 234 5678')).toBe('+966112345678');
  });

  it('normalises a mobile written nationally, 050-123-4567, to +966501234567', () => {
    // Act / Assert
    expect(normaliseSaudiBusinessPhone('050-123-4567')).toBe('+966501234567');
  });

  it('normalises every mobile and every landline of the six area codes, in every prefix and grouping, to +966 and nine digits', () => {
    fc.assert(
      fc.property(fc.oneof(mobileNsn, landlineNsn), prefix, separators, (nsn, written, spacing) => {
        // Arrange
        const typed = grouped(`${written}${nsn}`, spacing);

        // Act
        const normalised = normaliseSaudiBusinessPhone(typed);

        // Assert
        expect(normalised).toBe(`+966${nsn}`);
        expect(normalised).toMatch(/^\+966[0-9]{9}$/);
      }),
    );
  });

  it('agrees with the customers context’s mobile rule on every mobile spelling that rule accepts (it has no 00966 form)', () => {
    fc.assert(
      fc.property(mobileNsn, fc.constantFrom('+966', '966', '0', ''), separators, (nsn, written, spacing) => {
        // Arrange
        const typed = grouped(`${written}${nsn}`, spacing);

        // Act / Assert
        expect(normaliseSaudiBusinessPhone(typed)).toBe(normaliseSaudiMobile(typed));
      }),
    );
  });

  it('refuses a landline with an area code that is not 11, 12, 13, 14, 16 or 17', () => {
    fc.assert(
      fc.property(fc.constantFrom('10', '15', '18', '19', '20', '30', '40', '60', '70', '80', '90'), digits(7), prefix, (area, rest, written) => {
        // Act / Assert
        expect(normaliseSaudiBusinessPhone(`${written}${area}${rest}`)).toBeUndefined();
      }),
    );
  });

  it('refuses a national significant number one digit short or one digit long', () => {
    fc.assert(
      fc.property(fc.oneof(mobileNsn, landlineNsn), prefix, fc.boolean(), (nsn, written, shorten) => {
        // Arrange
        const wrongLength = shorten ? nsn.slice(0, -1) : `${nsn}0`;

        // Act / Assert
        expect(normaliseSaudiBusinessPhone(`${written}${wrongLength}`)).toBeUndefined();
      }),
    );
  });

  it('refuses a trunk 0 after the country code, other countries, toll-free and unified numbers, letters and empty input', () => {
    // Arrange
    const refused = [
      '',
      '+9660501234567',
      '+966 011 234 5678',
      '+971501234567',
      '0097112345678',
      '8001234567',
      '920012345',
      '05O1234567',
      '+966 50 123 4567 ext 2',
      '(011) 234 5678',
      '٠٥٠١٢٣٤٥٦٧',
      `0501234567${' '.repeat(30)}`,
    ];

    // Act
    const normalised = refused.map(normaliseSaudiBusinessPhone);

    // Assert
    expect(normalised.every((value) => value === undefined)).toBe(true);
  });
});

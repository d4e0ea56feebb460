import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REGULATOR_CERTIFICATE_LENGTH_MAX,
  REGULATOR_CERTIFICATE_LENGTH_MIN,
  isRegulatorCertificateNumber,
  isUnifiedNumber,
  isVatRegistrationNumber,
} from '../../../shared/kernel/company-identifiers.ts';

const digits = (length: number) => fc.stringMatching(new RegExp(`^[0-9]{${length}}$`));
const notDigit = (excluded: string) => fc.constantFrom(...[...'0123456789'].filter((digit) => digit !== excluded));

describe('unified number (company)', () => {
  it('accepts every ten-digit number starting with 7', () => {
    fc.assert(
      fc.property(digits(9), (rest) => {
        // Act / Assert
        expect(isUnifiedNumber(`7${rest}`)).toBe(true);
      }),
    );
  });

  it('refuses a ten-digit number starting with any other digit, such as a legacy CR number 1010XXXXXX', () => {
    fc.assert(
      fc.property(notDigit('7'), digits(9), (first, rest) => {
        // Act / Assert
        expect(isUnifiedNumber(`${first}${rest}`)).toBe(false);
      }),
    );
    expect(isUnifiedNumber('1010123456')).toBe(false);
  });

  it('refuses wrong lengths, non-digits, separators, surrounding spaces and Arabic-Indic digits', () => {
    // Arrange
    const malformed = ['', '7', '700000000', '70000000000', '70000000a0', '7000-00000', ' 7000000000', '7000000000 ', '٧٠٠٠٠٠٠٠٠٠'];

    // Act
    const accepted = malformed.filter(isUnifiedNumber);

    // Assert
    expect(accepted).toEqual([]);
  });
});

describe('ZATCA VAT registration number', () => {
  it('accepts the GOBL example 300270769200003', () => {
    // Act / Assert
    expect(isVatRegistrationNumber('300270769200003')).toBe(true);
  });

  it('accepts every fifteen-digit number whose first and last digits are 3, since no check digit is verified', () => {
    fc.assert(
      fc.property(digits(13), (middle) => {
        // Act / Assert
        expect(isVatRegistrationNumber(`3${middle}3`)).toBe(true);
      }),
    );
  });

  it('refuses a fifteen-digit number whose first or last digit is not 3', () => {
    fc.assert(
      fc.property(notDigit('3'), digits(13), (wrong, middle) => {
        // Act / Assert
        expect(isVatRegistrationNumber(`${wrong}${middle}3`)).toBe(false);
        expect(isVatRegistrationNumber(`3${middle}${wrong}`)).toBe(false);
      }),
    );
  });

  it('refuses wrong lengths, non-digits, separators, surrounding spaces and Arabic-Indic digits', () => {
    // Arrange
    const malformed = ['', '33', '30027076920003', '3002707692000003', '30027076920000a3', '300-270769200003', ' 300270769200003', '٣٠٠٢٧٠٧٦٩٢٠٠٠٠٣'];

    // Act
    const accepted = malformed.filter(isVatRegistrationNumber);

    // Assert
    expect(accepted).toEqual([]);
  });
});

describe('regulator qualification certificate number (provisional format)', () => {
  const certificateCharacter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/');

  it('accepts 3 to 40 ASCII letters, digits, dashes and slashes', () => {
    fc.assert(
      fc.property(
        fc.array(certificateCharacter, { minLength: REGULATOR_CERTIFICATE_LENGTH_MIN, maxLength: REGULATOR_CERTIFICATE_LENGTH_MAX }),
        (characters) => {
          // Act / Assert
          expect(isRegulatorCertificateNumber(characters.join(''))).toBe(true);
        },
      ),
    );
    expect(isRegulatorCertificateNumber('SEC-2024/00123')).toBe(true);
  });

  it('refuses fewer than 3 or more than 40 characters', () => {
    // Arrange
    const tooShort = ['', 'A', 'A1'];
    const tooLong = 'A'.repeat(REGULATOR_CERTIFICATE_LENGTH_MAX + 1);

    // Act
    const accepted = [...tooShort, tooLong].filter(isRegulatorCertificateNumber);

    // Assert
    expect(accepted).toEqual([]);
    expect(isRegulatorCertificateNumber('A'.repeat(REGULATOR_CERTIFICATE_LENGTH_MAX))).toBe(true);
  });

  it('refuses spaces, other punctuation and non-ASCII characters anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(certificateCharacter, { minLength: 3, maxLength: 20 }),
        fc.constantFrom(' ', '_', '.', '#', '\n', 'é', '٣', 'ﾠ'),
        fc.nat(),
        (characters, intruder, pick) => {
          // Arrange
          const position = pick % (characters.length + 1);
          const candidate = [...characters.slice(0, position), intruder, ...characters.slice(position)].join('');

          // Act / Assert
          expect(isRegulatorCertificateNumber(candidate)).toBe(false);
        },
      ),
    );
  });
});

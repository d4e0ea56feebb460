import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULLY_MASKED_IBAN, SAUDI_BANK_CODES, maskIban, parseSaudiIban } from '../../../shared/kernel/iban.ts';
import { validSaudiIban } from '../../support/iban.ts';

/** The example IBAN public sources give for an Al Rajhi account. */
const KNOWN_VALID_IBAN = 'SA0380000000608010167519';

const ALPHANUMERIC = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const knownBankCode = fc.constantFrom(...Object.keys(SAUDI_BANK_CODES));
const unknownBankCode = fc
  .integer({ min: 0, max: 99 })
  .map((code) => String(code).padStart(2, '0'))
  .filter((code) => !Object.hasOwn(SAUDI_BANK_CODES, code));
const account18 = fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength: 18, maxLength: 18 }).map((characters) => characters.join(''));
const validIban = fc.tuple(knownBankCode, account18).map(([bankCode, account]) => validSaudiIban(bankCode, account));

/** The IBAN as a person may type it: lower-case letters where chosen, spaces between any characters. */
function spelt(iban: string, lowerCase: readonly boolean[], spaces: readonly number[]): string {
  return [...iban]
    .map((character, index) => `${lowerCase[index] === true ? character.toLowerCase() : character}${' '.repeat(spaces[index] ?? 0)}`)
    .join('');
}

describe('Saudi IBAN parsing', () => {
  it('accepts the published Al Rajhi example SA0380000000608010167519 and names its bank', () => {
    // Act
    const parsed = parseSaudiIban(KNOWN_VALID_IBAN);

    // Assert
    expect(parsed).toEqual({ ok: true, iban: KNOWN_VALID_IBAN, bankCode: '80', bankName: 'Al Rajhi Bank' });
  });

  it('the test helper reproduces the published example from its bank code and account', () => {
    // Act
    const built = validSaudiIban('80', '000000608010167519');

    // Assert
    expect(built).toBe(KNOWN_VALID_IBAN);
  });

  it('accepts every 18-character account with a known bank code and correctly computed check digits', () => {
    fc.assert(
      fc.property(knownBankCode, account18, (bankCode, account) => {
        // Arrange
        const iban = validSaudiIban(bankCode, account);

        // Act
        const parsed = parseSaudiIban(iban);

        // Assert
        expect(parsed).toEqual({ ok: true, iban, bankCode, bankName: SAUDI_BANK_CODES[bankCode] });
      }),
    );
  });

  it('accepts spaces anywhere and lower-case letters, and returns the IBAN without spaces in upper case', () => {
    fc.assert(
      fc.property(
        validIban,
        fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 24, maxLength: 24 }),
        (iban, lowerCase, spaces) => {
          // Arrange
          const typed = spelt(iban, lowerCase, spaces);

          // Act
          const parsed = parseSaudiIban(typed);

          // Assert
          expect(parsed).toMatchObject({ ok: true, iban });
        },
      ),
    );
  });

  it('accepts the IBAN in its printed groups of four, with leading and trailing spaces', () => {
    // Act
    const parsed = parseSaudiIban(' sa03 8000 0000 6080 1016 7519 ');

    // Assert
    expect(parsed).toMatchObject({ ok: true, iban: KNOWN_VALID_IBAN });
  });

  it('detects every single-digit error: changing any one digit of a valid IBAN fails the checksum', () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, pick, shift) => {
        // Arrange: any digit position, from the check digits to the last account character.
        const digitPositions = [...iban].flatMap((character, index) => (/[0-9]/.test(character) ? [index] : []));
        const position = digitPositions[pick % digitPositions.length] ?? 2;
        const changed = `${iban.slice(0, position)}${(Number(iban[position]) + shift) % 10}${iban.slice(position + 1)}`;

        // Act
        const parsed = parseSaudiIban(changed);

        // Assert
        expect(changed).not.toBe(iban);
        expect(parsed).toEqual({ ok: false, reason: 'CHECKSUM' });
      }),
    );
  });

  it('detects every single-letter error in the account: changing any one letter fails the checksum', () => {
    fc.assert(
      fc.property(
        fc.tuple(knownBankCode, account18.map((account) => `A${account.slice(1)}`)),
        fc.nat(),
        fc.integer({ min: 1, max: 25 }),
        ([bankCode, account], pick, shift) => {
          // Arrange
          const iban = validSaudiIban(bankCode, account);
          const letterPositions = [...iban].flatMap((character, index) => (index >= 6 && /[A-Z]/.test(character) ? [index] : []));
          const position = letterPositions[pick % letterPositions.length] ?? 6;
          const letter = String.fromCharCode(((iban.charCodeAt(position) - 65 + shift) % 26) + 65);
          const changed = `${iban.slice(0, position)}${letter}${iban.slice(position + 1)}`;

          // Act
          const parsed = parseSaudiIban(changed);

          // Assert
          expect(changed).not.toBe(iban);
          expect(parsed).toEqual({ ok: false, reason: 'CHECKSUM' });
        },
      ),
    );
  });

  it('refuses a well-formed IBAN with a correct checksum but a bank code outside the table as UNKNOWN_BANK', () => {
    fc.assert(
      fc.property(unknownBankCode, account18, (bankCode, account) => {
        // Arrange
        const iban = validSaudiIban(bankCode, account);

        // Act
        const parsed = parseSaudiIban(iban);

        // Assert
        expect(parsed).toEqual({ ok: false, reason: 'UNKNOWN_BANK' });
      }),
    );
  });

  it('uses the bank code table it is given, so a table checked against SAMA’s list can replace the default', () => {
    // Arrange
    const corrected = { '80': 'Al Rajhi Banking and Investment Corporation' };
    const snbIban = validSaudiIban('10', '000000000000123456');

    // Act
    const rajhi = parseSaudiIban(KNOWN_VALID_IBAN, corrected);
    const snb = parseSaudiIban(snbIban, corrected);

    // Assert
    expect(rajhi).toMatchObject({ ok: true, bankName: 'Al Rajhi Banking and Investment Corporation' });
    expect(snb).toEqual({ ok: false, reason: 'UNKNOWN_BANK' });
  });

  it('refuses an IBAN one or more characters too short or too long as FORMAT', () => {
    fc.assert(
      fc.property(validIban, fc.integer({ min: 1, max: 23 }), fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength: 1, maxLength: 10 }), (iban, keep, extra) => {
        // Arrange
        const tooShort = iban.slice(0, keep);
        const tooLong = `${iban}${extra.join('')}`;

        // Act
        const parsed = [parseSaudiIban(tooShort), parseSaudiIban(tooLong)];

        // Assert
        expect(parsed).toEqual([
          { ok: false, reason: 'FORMAT' },
          { ok: false, reason: 'FORMAT' },
        ]);
      }),
    );
  });

  it('refuses another country, letters in the check digits or bank code, punctuation and look-alike characters as FORMAT', () => {
    // Arrange
    const malformed = [
      '',
      'GB0380000000608010167519',
      'SAA380000000608010167519',
      'SA038A000000608010167519',
      'SA03-8000-0000-6080-1016-7519',
      'SA03800000006080101675_9',
      // Arabic-Indic digits, and 'ſ' (long s), which upper-cases to an ASCII 'S'.
      'SA٠٣80000000608010167519',
      'ſA0380000000608010167519',
      `${KNOWN_VALID_IBAN}${' '.repeat(60)}`,
    ];

    // Act
    const parsed = malformed.map((input) => parseSaudiIban(input));

    // Assert
    expect(parsed.every((result) => !result.ok && result.reason === 'FORMAT')).toBe(true);
  });

  it('never carries the input in a rejection: a refused result holds only ok and one of the three reasons', () => {
    const nearIban = fc.oneof(
      validIban.chain((iban) => fc.integer({ min: 2, max: 23 }).map((position) => `${iban.slice(0, position)}${iban[position] === '0' ? '1' : '0'}${iban.slice(position + 1)}`)),
      fc.tuple(unknownBankCode, account18).map(([bankCode, account]) => validSaudiIban(bankCode, account)),
      validIban.map((iban) => `${iban}7`),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(nearIban, (input) => {
        // Act
        const parsed = parseSaudiIban(input);

        // Assert
        if (parsed.ok) return;
        expect(Object.keys(parsed).sort()).toEqual(['ok', 'reason']);
        expect(['FORMAT', 'CHECKSUM', 'UNKNOWN_BANK']).toContain(parsed.reason);
        if (input.length >= 8) expect(JSON.stringify(parsed)).not.toContain(input.replace(/\s/g, '').toUpperCase().slice(-8));
      }),
    );
  });
});

describe('Saudi bank code table', () => {
  it('maps two-digit codes to bank names, including 80 for Al Rajhi and 05 for Alinma', () => {
    // Act
    const codes = Object.keys(SAUDI_BANK_CODES);

    // Assert
    expect(codes.every((code) => /^[0-9]{2}$/.test(code))).toBe(true);
    expect(SAUDI_BANK_CODES['80']).toBe('Al Rajhi Bank');
    expect(SAUDI_BANK_CODES['05']).toBe('Alinma Bank');
    expect(codes).toHaveLength(18);
  });

  it('cannot be changed at run time: a corrected table is passed in, not patched in', () => {
    // Assert
    expect(Object.isFrozen(SAUDI_BANK_CODES)).toBe(true);
  });
});

describe('IBAN masking', () => {
  it('keeps SA, the bank code and the last four characters, in groups of four', () => {
    // Act
    const masked = maskIban(KNOWN_VALID_IBAN);

    // Assert
    expect(masked).toBe('SA** 80** **** **** **** 7519');
  });

  it('masks an IBAN typed with spaces and lower case the same way as its normalised form', () => {
    // Act
    const masked = maskIban('sa03 8000 0000 6080 1016 751x');

    // Assert
    expect(masked).toBe('SA** 80** **** **** **** 751X');
  });

  it('never reveals more than the bank code and the last four characters of any valid IBAN', () => {
    fc.assert(
      fc.property(validIban, (iban) => {
        // Act
        const masked = maskIban(iban);

        // Assert
        expect(masked).toHaveLength(29);
        expect(masked.replace(/[* ]/g, '')).toBe(`SA${iban.slice(4, 6)}${iban.slice(-4)}`);
      }),
    );
  });

  it('masks everything of a value that is not a 24-character Saudi IBAN, not even its length', () => {
    // Arrange
    const malformed = ['', 'SA03800000006080101675', 'GB0380000000608010167519', 'SA03800000006080101675199', 'SA0380000000608010167٥19'];

    // Act
    const masked = malformed.map(maskIban);

    // Assert
    expect(masked.every((value) => value === FULLY_MASKED_IBAN)).toBe(true);
  });
});

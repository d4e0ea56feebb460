import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EMAIL_ADDRESS_LENGTH_MAX, EMAIL_DOMAIN_LABEL_LENGTH_MAX, EMAIL_LOCAL_PART_LENGTH_MAX, isEmailAddress } from '../../../shared/kernel/email-address.ts';

const character = (set: string) => fc.constantFrom(...set);
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `${LETTERS}0123456789`;
const atom = fc.array(character(`${ALPHANUMERIC}_+-`), { minLength: 1, maxLength: 10 }).map((characters) => characters.join(''));
const localPart = fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join('.'));
const label = fc
  .tuple(character(ALPHANUMERIC), fc.array(character(`${ALPHANUMERIC}-`), { maxLength: 8 }), character(ALPHANUMERIC))
  .map(([first, middle, last]) => `${first}${middle.join('')}${last}`);
const topLevelDomain = fc.array(character(LETTERS), { minLength: 2, maxLength: 6 }).map((letters) => letters.join(''));
const wellFormed = fc
  .tuple(localPart, fc.array(label, { minLength: 1, maxLength: 3 }), topLevelDomain)
  .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);

/** The customers context's e-mail rule (shared/customers/api/contracts.ts), to hold this one inside it. */
const customersEmail = z.email();

describe('e-mail address well-formedness', () => {
  it('accepts everyday business addresses', () => {
    // Arrange
    const addresses = ['info@sun-power.sa', 'm.alqahtani@example.com.sa', 'sales+quotes@installer.co', "o'neil@example.org", 'A_B-C@EXAMPLE.COM'];

    // Act
    const accepted = addresses.filter(isEmailAddress);

    // Assert
    expect(accepted).toEqual(addresses);
  });

  it('accepts every generated local@domain.tld address', () => {
    fc.assert(
      fc.property(wellFormed, (address) => {
        // Act / Assert
        expect(isEmailAddress(address)).toBe(true);
      }),
    );
  });

  it('refuses missing or doubled @, spaces, misplaced dots, bad labels and a missing or non-letter TLD', () => {
    // Arrange
    const malformed = [
      '',
      'info.example.com',
      'info@@example.com',
      'a@b@example.com',
      '@example.com',
      'info@',
      'in fo@example.com',
      ' info@example.com',
      'info@example.com ',
      '.info@example.com',
      'info.@example.com',
      'in..fo@example.com',
      "info'@example.com",
      'info@example',
      'info@example.c',
      'info@example.c0m',
      'info@example.123',
      'info@-example.com',
      'info@example-.com',
      'info@exa_mple.com',
      'info@example..com',
      'info@.example.com',
      'info@example.com.',
      '"info"@example.com',
      'info@[192.168.0.1]',
      'معلومات@example.com',
      'info@مثال.com',
    ];

    // Act
    const accepted = malformed.filter(isEmailAddress);

    // Assert
    expect(accepted).toEqual([]);
  });

  it('refuses a local part over 64 characters, a domain label over 63 and an address over 254', () => {
    // Arrange
    const longestLocal = 'a'.repeat(EMAIL_LOCAL_PART_LENGTH_MAX);
    const longestLabel = 'b'.repeat(EMAIL_DOMAIN_LABEL_LENGTH_MAX);
    const longestAddress = `${longestLocal}@${longestLabel}.${longestLabel}.${'c'.repeat(EMAIL_ADDRESS_LENGTH_MAX - 64 - 1 - 63 - 1 - 63 - 1 - 3)}.sa`;

    // Act / Assert
    expect(longestAddress).toHaveLength(EMAIL_ADDRESS_LENGTH_MAX);
    expect([isEmailAddress(`${longestLocal}@example.com`), isEmailAddress(`info@${longestLabel}.com`), isEmailAddress(longestAddress)]).toEqual([true, true, true]);
    expect(isEmailAddress(`${longestLocal}a@example.com`)).toBe(false);
    expect(isEmailAddress(`info@${longestLabel}b.com`)).toBe(false);
    expect(isEmailAddress(`a${longestAddress}`)).toBe(false);
  });

  it('accepts nothing the customers context’s z.email() rule refuses', () => {
    const nearAddress = fc.oneof(
      wellFormed,
      fc.tuple(wellFormed, fc.nat(), fc.constantFrom(' ', '.', '@', '-', "'", '_', '"', 'é')).map(
        ([address, pick, intruder]) => `${address.slice(0, pick % address.length)}${intruder}${address.slice(pick % address.length)}`,
      ),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(nearAddress, (candidate) => {
        // Act / Assert
        if (isEmailAddress(candidate)) expect(customersEmail.safeParse(candidate).success).toBe(true);
      }),
    );
  });
});

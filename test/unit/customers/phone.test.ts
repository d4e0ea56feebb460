import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSaudiMobile } from '../../../shared/customers/domain/phone.ts';

describe('Saudi mobile number normalisation', () => {
  it.each([
    ['the national form 05XXXXXXXX', '0512345678'],
    ['the bare subscriber number 5XXXXXXXX', '512345678'],
    ['the country code without a plus, 9665XXXXXXXX', '966512345678'],
    ['E.164 with a plus, +9665XXXXXXXX', '+966512345678'],
    ['a number grouped with spaces', '+966 51 234 5678'],
    ['a number grouped with dashes', '051-234-5678'],
    ['a number with mixed spaces and dashes', '966 51-234 56-78'],
  ])('normalises %s to E.164', (_form, input) => {
    // Act
    const normalised = normaliseSaudiMobile(input);

    // Assert
    expect(normalised).toBe('+966512345678');
  });

  it.each([
    ['a Riyadh landline', '0112345678'],
    ['a landline in international form', '+966112345678'],
    ['a number one digit short', '051234567'],
    ['a number one digit long', '05123456789'],
    ['a subscriber number that does not start with 5', '612345678'],
    ['a 9665 number one digit long', '+9665123456789'],
    ['another country code', '+971512345678'],
    ['the international prefix 00', '00966512345678'],
    ['letters', '05l2345678'],
    ['an empty string', ''],
  ])('rejects %s', (_form, input) => {
    // Act
    const normalised = normaliseSaudiMobile(input);

    // Assert
    expect(normalised).toBeUndefined();
  });

  it('gives the same E.164 number for every accepted input form of the same subscriber', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^5\d{8}$/), (subscriber) => {
        // Arrange
        const forms = [`0${subscriber}`, subscriber, `966${subscriber}`, `+966${subscriber}`, `+966 ${subscriber.slice(0, 2)} ${subscriber.slice(2, 5)} ${subscriber.slice(5)}`];

        // Act
        const normalised = forms.map(normaliseSaudiMobile);

        // Assert
        expect(new Set(normalised)).toEqual(new Set([`+966${subscriber}`]));
      }),
    );
  });

  it('is idempotent: a normalised number normalises to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^5\d{8}$/), (subscriber) => {
        // Arrange
        const once = normaliseSaudiMobile(`0${subscriber}`);

        // Act
        const twice = once === undefined ? undefined : normaliseSaudiMobile(once);

        // Assert
        expect(twice).toBe(once);
      }),
    );
  });
});

/**
 * Where a request schema checks something JSON Schema cannot say directly (trimming, a normaliser), the published
 * document states it as a length and a pattern. These tests prove that the document and the check agree exactly, so
 * that schemathesis (test/e2e/api-fuzz.test.ts) finds no request one accepts and the other refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TWO_VISIBLE_CHARACTERS_PATTERN, trimmedTextSchema } from '../../../shared/customers/api/contracts.ts';
import { normaliseSaudiMobile, SAUDI_MOBILE_INPUT_PATTERN } from '../../../shared/customers/domain/phone.ts';
import { withAsciiShorthands } from '../../../shared/kernel/http/openapi.ts';

/** Characters around the edges of the rule: ASCII and Unicode spaces, characters only some engines call spaces, letters. */
const EDGE_CHARACTERS = [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '\u001c', '\u200b', 'a', 'ب', '-'];

describe('trimmed free text in requests', () => {
  const lengthMax = 6;
  const schema = trimmedTextSchema(lengthMax);

  it('is accepted exactly when the documented length and pattern hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...EDGE_CHARACTERS), maxLength: lengthMax + 2 }), (text) => {
        const documented = text.length <= lengthMax && TWO_VISIBLE_CHARACTERS_PATTERN.test(text);

        expect(schema.safeParse(text).success, JSON.stringify(text)).toBe(documented);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reaches the use-case trimmed', () => {
    expect(trimmedTextSchema(20).parse('\u3000 Layla\t')).toBe('Layla');
  });
});

describe('the documented form of a Saudi mobile number', () => {
  it('only ever admits numbers the normaliser accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(SAUDI_MOBILE_INPUT_PATTERN), (phone) => {
        expect(normaliseSaudiMobile(phone), phone).toMatch(/^\+9665[0-9]{8}$/);
      }),
    );
  });

  it.each(['0512345678', '512345678', '966512345678', '+966512345678', '+966 51 234 5678', '051-234-5678', '966 51-234 56-78'])(
    'admits the grouped form %s',
    (phone) => {
      expect(SAUDI_MOBILE_INPUT_PATTERN.test(phone)).toBe(true);
    },
  );
});

describe('patterns in the OpenAPI document', () => {
  it('spell \\d and \\w as the ASCII classes they are in JavaScript, inside a class or not, leaving other escapes alone', () => {
    expect(withAsciiShorthands('^\\d{4}-[\\d\\w.]+\\.\\s\\\\d$')).toBe('^[0-9]{4}-[0-9A-Za-z0-9_.]+\\.\\s\\\\d$');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPointsOfHalalasRoundedHalfUp, InvalidHalalasError } from '../../../shared/kernel/money.ts';

/** amount × bp / 10,000 in BigInt, rounded half up by comparing twice the remainder with the divisor. */
function reference(amountHalalas: number, basisPoints: number): bigint {
  const product = BigInt(amountHalalas) * BigInt(basisPoints);
  const quotient = product / 10_000n;
  const remainder = product % 10_000n;
  return remainder * 2n >= 10_000n ? quotient + 1n : quotient;
}

describe('a basis-point share of an amount, rounded half up', () => {
  it('is exact for any safe amount and any share up to the whole, where floating point would lose halalas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (amountHalalas, basisPoints) => {
        expect(BigInt(basisPointsOfHalalasRoundedHalfUp(amountHalalas, basisPoints))).toBe(reference(amountHalalas, basisPoints));
      }),
    );
  });

  it('is exact for large amounts close to the safe-integer limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MAX_SAFE_INTEGER - 1_000_000, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 10_000 }), (amountHalalas, basisPoints) => {
        expect(BigInt(basisPointsOfHalalasRoundedHalfUp(amountHalalas, basisPoints))).toBe(reference(amountHalalas, basisPoints));
      }),
    );
  });

  it('rounds exactly half a halala up and anything below half down', () => {
    expect(basisPointsOfHalalasRoundedHalfUp(1, 5_000)).toBe(1); // 0.5
    expect(basisPointsOfHalalasRoundedHalfUp(3, 5_000)).toBe(2); // 1.5
    expect(basisPointsOfHalalasRoundedHalfUp(10, 1_500)).toBe(2); // 1.5
    expect(basisPointsOfHalalasRoundedHalfUp(1, 4_999)).toBe(0); // 0.4999
    expect(basisPointsOfHalalasRoundedHalfUp(10_001, 1_500)).toBe(1_500); // 1,500.15
    // 2^53 - 1 is odd, so half of it is n.5; a float product would already have lost the half.
    expect(basisPointsOfHalalasRoundedHalfUp(Number.MAX_SAFE_INTEGER, 5_000)).toBe((Number.MAX_SAFE_INTEGER + 1) / 2);
  });

  it('gives the whole amount at 10,000 basis points and nothing at 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amountHalalas) => {
        expect(basisPointsOfHalalasRoundedHalfUp(amountHalalas, 10_000)).toBe(amountHalalas);
        expect(basisPointsOfHalalasRoundedHalfUp(amountHalalas, 0)).toBe(0);
      }),
    );
  });

  it('refuses a negative, fractional, non-finite or unsafe amount', () => {
    for (const amount of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => basisPointsOfHalalasRoundedHalfUp(amount, 1_500)).toThrow(InvalidHalalasError);
    }
  });

  it('refuses a negative, fractional or unsafe number of basis points', () => {
    for (const basisPoints of [-1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => basisPointsOfHalalasRoundedHalfUp(100, basisPoints)).toThrow(RangeError);
    }
  });

  it('refuses a result that would no longer be a safe integer', () => {
    expect(() => basisPointsOfHalalasRoundedHalfUp(Number.MAX_SAFE_INTEGER, 20_000)).toThrow(InvalidHalalasError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertHalalas, InvalidHalalasError, InvalidSplitError, SPLIT_PARTS_MAX, splitEvenly } from '../../../shared/kernel/money.ts';

const anyTotalHalalas = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const anyParts = fc.integer({ min: 1, max: SPLIT_PARTS_MAX });

describe('halala amounts', () => {
  it('accepts zero and the largest safe integer', () => {
    expect(() => assertHalalas(0, 'amountHalalas')).not.toThrow();
    expect(() => assertHalalas(Number.MAX_SAFE_INTEGER, 'amountHalalas')).not.toThrow();
  });

  it('refuses negative, fractional, unsafe and non-finite amounts with a named error', () => {
    for (const value of [-1, 0.5, 100.01, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => assertHalalas(value, 'amountHalalas')).toThrow(InvalidHalalasError);
    }
  });
});

describe('splitting an amount evenly', () => {
  it('gives the remainder halalas to the first parts: SAR 100.00 over 3 is 3334, 3333, 3333', () => {
    // Arrange
    const totalHalalas = 100_00;

    // Act
    const parts = splitEvenly(totalHalalas, 3);

    // Assert
    expect(parts).toEqual([3334, 3333, 3333]);
  });

  it('sums exactly to the total for any total and part count', () => {
    fc.assert(
      fc.property(anyTotalHalalas, anyParts, (totalHalalas, parts) => {
        const split = splitEvenly(totalHalalas, parts);
        expect(split).toHaveLength(parts);
        expect(split.reduce((sum, part) => sum + part, 0)).toBe(totalHalalas);
      }),
    );
  });

  it('makes parts that are whole halalas, differ by at most one, and never grow later in the list', () => {
    fc.assert(
      fc.property(anyTotalHalalas, anyParts, (totalHalalas, parts) => {
        const split = splitEvenly(totalHalalas, parts);
        expect(split.every((part) => Number.isSafeInteger(part) && part >= 0)).toBe(true);
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
        split.slice(1).forEach((part, index) => expect(part).toBeLessThanOrEqual(split[index] ?? Number.NaN));
      }),
    );
  });

  it('stays exact for totals at the largest safe integer', () => {
    expect(splitEvenly(Number.MAX_SAFE_INTEGER, 4)).toEqual([2251799813685248, 2251799813685248, 2251799813685248, 2251799813685247]);
  });

  it('refuses a part count that is zero, fractional or above the ceiling', () => {
    for (const parts of [0, -1, 1.5, SPLIT_PARTS_MAX + 1]) expect(() => splitEvenly(100, parts)).toThrow(InvalidSplitError);
  });
});

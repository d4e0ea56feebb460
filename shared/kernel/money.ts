/**
 * Money is an integer count of halalas (1 SAR = 100 halalas). Floating point cannot represent most SAR amounts
 * exactly, so no money value here is ever fractional, and every split sums exactly to its total.
 */

/**
 * The most parts one amount is split into. Plans are the largest split (SAMA allows 12 installments); this ceiling
 * is far above any plan so configuration can grow, yet it keeps every split's array small and bounded.
 */
export const SPLIT_PARTS_MAX = 120;

/** A money value that is not a non-negative safe integer: a bug upstream, never a customer error. */
export class InvalidHalalasError extends RangeError {
  constructor(
    readonly valueName: string,
    readonly value: unknown,
  ) {
    super(`${valueName} must be a non-negative safe integer number of halalas, got ${String(value)}`);
    this.name = 'InvalidHalalasError';
  }
}

export class InvalidSplitError extends RangeError {
  constructor(readonly parts: number) {
    super(`a split needs 1 to ${SPLIT_PARTS_MAX} whole parts, got ${String(parts)}`);
    this.name = 'InvalidSplitError';
  }
}

/** Safe integers only: beyond 2^53 - 1 addition silently loses halalas. */
export function assertHalalas(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidHalalasError(name, value);
}

/** Sum of halala amounts, asserting that the total is still exact. */
export function sumHalalas(amountsHalalas: readonly number[]): number {
  let totalHalalas = 0;
  for (const amountHalalas of amountsHalalas) {
    assertHalalas(amountHalalas, 'amountHalalas');
    totalHalalas += amountHalalas;
  }
  assertHalalas(totalHalalas, 'totalHalalas');
  return totalHalalas;
}

/**
 * Splits a total into `parts` amounts that differ by at most one halala and sum exactly to the total.
 * Rule: the remainder halalas go one each to the FIRST parts. The customer pays the odd halalas earliest, so the
 * balance falls fastest at the start and no later installment is ever larger than an earlier one
 * (docs/money-and-schedules.md).
 */
export function splitEvenly(totalHalalas: number, parts: number): number[] {
  assertHalalas(totalHalalas, 'totalHalalas');
  if (!Number.isInteger(parts) || parts < 1 || parts > SPLIT_PARTS_MAX) throw new InvalidSplitError(parts);
  // Floored integer division without relying on float rounding: `%` on safe integers is exact, and
  // (total - remainder) is an exact multiple of parts, so the quotient is a representable integer and IEEE division
  // returns it exactly. Hence base * parts + remainder === total with 0 <= remainder < parts.
  const remainderHalalas = totalHalalas % parts;
  const baseHalalas = (totalHalalas - remainderHalalas) / parts;
  return Array.from({ length: parts }, (_, index) => baseHalalas + (index < remainderHalalas ? 1 : 0));
}

/** One basis point is a hundredth of a percent: 10,000 basis points are the whole amount. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * `amountHalalas × basisPoints / 10,000`, rounded half up to the halala (VAT on a bill, say). The product is taken
 * in BigInt, so no amount a safe integer can hold loses a halala to floating point on the way.
 */
export function basisPointsOfHalalasRoundedHalfUp(amountHalalas: number, basisPoints: number): number {
  assertHalalas(amountHalalas, 'amountHalalas');
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new RangeError(`basisPoints must be a non-negative integer, got ${basisPoints}`);
  const whole = BigInt(BASIS_POINTS_PER_WHOLE);
  const result = (BigInt(amountHalalas) * BigInt(basisPoints) * 2n + whole) / (2n * whole);
  const resultHalalas = Number(result);
  assertHalalas(resultHalalas, 'resultHalalas');
  return resultHalalas;
}

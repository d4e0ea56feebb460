import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';

const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('the id generator', () => {
  it('makes valid ULIDs carrying the current time, distinct across many refills of its random buffer', () => {
    const before = Date.now();

    const ids = Array.from({ length: 10_000 }, () => ulidGenerator.newId());

    expect(ids.every((id) => isValid(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(decodeTime(ids[0]!)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(ids.at(-1)!)).toBeLessThanOrEqual(Date.now());
  });

  it('uses every character of the alphabet in the random part, at close to even frequencies', () => {
    const counts = new Map<string, number>();

    for (let i = 0; i < 4_000; i += 1) for (const character of ulidGenerator.newId().slice(10)) counts.set(character, (counts.get(character) ?? 0) + 1);

    // 64,000 characters over 32 symbols: 2,000 each expected; ±15% is over 10 standard deviations.
    expect([...counts.keys()].sort().join('')).toBe(CROCKFORD_BASE32);
    for (const count of counts.values()) expect(Math.abs(count - 2_000)).toBeLessThan(300);
  });
});

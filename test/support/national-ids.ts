import { randomInt } from 'node:crypto';
import { hasValidCheckDigit } from '../../shared/kernel/national-id.ts';

/** A fresh valid ID (random body, correct check digit), so every test gets its own person. */
export function randomNationalId(kind: 'citizen' | 'resident' = 'citizen'): string {
  const body = `${kind === 'citizen' ? 1 : 2}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  for (let checkDigit = 0; checkDigit <= 9; checkDigit += 1) {
    if (hasValidCheckDigit(`${body}${checkDigit}`)) return `${body}${checkDigit}`;
  }
  throw new Error('unreachable: one check digit always fits');
}

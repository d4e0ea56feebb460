import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

/** Time and id generation are injected so that time-based rules are testable without sleeping. */
export interface Clock {
  now(): Date;
}
export interface IdGenerator {
  /** Random, time-sortable, never sequential and never derived from personal data. */
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every id this platform hands out looks like: a ULID in Crockford base32. Ids from clients are checked against it. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Enough cryptographically random bytes for 64 ids (16 random characters each) per refill. */
const RANDOM_BYTES_PER_REFILL = 1024;
const randomBytes = new Uint8Array(RANDOM_BYTES_PER_REFILL);
let nextRandomByte = RANDOM_BYTES_PER_REFILL;

/**
 * ulid's default generator asks the operating system for one random byte per character, which was the largest
 * single cost in the money handlers' benchmark. This hands out the same CSPRNG bytes, the same way (byte / 256),
 * from a buffer refilled in bulk, as Node's own randomUUID does.
 */
function bufferedCryptoFraction(): number {
  if (nextRandomByte === RANDOM_BYTES_PER_REFILL) {
    randomFillSync(randomBytes);
    nextRandomByte = 0;
  }
  const byte = randomBytes[nextRandomByte]!;
  nextRandomByte += 1;
  return byte / 256;
}

export const ulidGenerator: IdGenerator = { newId: () => ulid(undefined, bufferedCryptoFraction) };

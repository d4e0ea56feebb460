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
export const ulidGenerator: IdGenerator = { newId: () => ulid() };

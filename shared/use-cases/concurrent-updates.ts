import { RabhanError } from '../http/errors.ts';

/** Enough for a burst of customer activity on one plan; each attempt costs two DynamoDB round trips. */
export const CONCURRENT_UPDATE_ATTEMPTS_MAX = 3;

/**
 * Runs an operation that reads its inputs afresh on every attempt, again when it lost a race to a concurrent update.
 * For partner callbacks: a 409 is final to many senders, and the race is ours to absorb, not theirs.
 */
export async function retryingConcurrentUpdates<T>(operation: () => Promise<T>, attemptsMax = CONCURRENT_UPDATE_ATTEMPTS_MAX): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const lostRace = error instanceof RabhanError && error.code === 'CONCURRENT_UPDATE';
      if (!lostRace || attempt >= attemptsMax) throw error;
    }
  }
}

import { RabhanError } from '../errors/rabhan-error.ts';
import { kernelError } from '../errors/kernel-error-codes.ts';

/** How long a partner should wait before redelivering a callback we could not apply for lost races. */
export const REDELIVERY_RETRY_AFTER_SECONDS = 5;

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

/**
 * For partner callbacks (the payment webhook): absorbs lost races, and when every attempt lost, answers 503 with
 * Retry-After so the partner delivers again. A 409 would be final to many senders, and the notification would be lost.
 */
export async function applyingPartnerCallback<T>(operation: () => Promise<T>, attemptsMax = CONCURRENT_UPDATE_ATTEMPTS_MAX): Promise<T> {
  try {
    return await retryingConcurrentUpdates(operation, attemptsMax);
  } catch (error) {
    if (error instanceof RabhanError && error.code === 'CONCURRENT_UPDATE') {
      throw kernelError('RETRY_DELIVERY_LATER', { cause: error, headers: { 'Retry-After': String(REDELIVERY_RETRY_AFTER_SECONDS) } });
    }
    throw error;
  }
}

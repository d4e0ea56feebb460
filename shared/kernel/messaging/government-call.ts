/**
 * How a queue consumer calls a government service (SIMAH, SEC, ZATCA): a few attempts with exponential backoff
 * inside one delivery, then the message goes back to SQS for redelivery, and on its final delivery the work is
 * settled as failed before the message moves to the DLQ. A failure that retrying cannot fix is settled at once and
 * dead-lettered without waiting for the remaining deliveries. Redrive from the DLQ starts the same cycle again.
 */
import { GovernmentServiceError } from '../errors/government-service-error.ts';
import type { DeadLetterNow } from './dead-letter-now.ts';

export interface GovernmentRetryPolicy {
  /** Calls per delivery before giving the message back to SQS. */
  readonly attemptsPerDelivery: number;
  readonly initialBackoffMilliseconds: number;
}

export const DEFAULT_GOVERNMENT_RETRY_POLICY: GovernmentRetryPolicy = { attemptsPerDelivery: 3, initialBackoffMilliseconds: 200 };

export interface GovernmentCallOptions {
  readonly retry: GovernmentRetryPolicy;
  readonly sleep: (milliseconds: number) => Promise<void>;
  /** The queue's last delivery of this message: a retryable failure is then settled, because no retry follows. */
  readonly isFinalDelivery: boolean;
  /** Records the failure on the work item (status, reason, outbox event); must be idempotent. */
  readonly settleFailed: (error: GovernmentServiceError) => Promise<void>;
  /** The error that dead-letters the message at once, naming the reason for operators. */
  readonly permanentFailure: (error: GovernmentServiceError) => DeadLetterNow;
}

/** Runs `call` (the service call and whatever settles its result) under the retry rules above. */
export async function callGovernmentService<TResult>(call: () => Promise<TResult>, options: GovernmentCallOptions): Promise<TResult> {
  let backoffMilliseconds = options.retry.initialBackoffMilliseconds;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof GovernmentServiceError)) throw error;
      if (!error.retryable) {
        await options.settleFailed(error);
        throw options.permanentFailure(error);
      }
      if (attempt >= options.retry.attemptsPerDelivery) {
        if (options.isFinalDelivery) await options.settleFailed(error);
        throw error;
      }
      await options.sleep(backoffMilliseconds);
      backoffMilliseconds *= 2;
    }
  }
}

import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { expirePaymentIntents } from '../../shared/payments/app/intent-expiry.ts';
import { paymentDeps } from '../../shared/payments/compose.ts';

/** An intent that fails is logged and left for the next run; the run itself goes on. */
const onIntentFailed = (paymentId: string, error: unknown): void => logger.error('Expiring a payment intent failed; the next run retries it', { paymentId, error });

export async function handler(): Promise<{ intentsExpired: number; intentsFailed: number }> {
  const result = await expirePaymentIntents({ correlationId: `intent-expiry-${randomUUID()}` }, { ...paymentDeps(), onIntentFailed });
  logger.info('Payment intent expiry run finished', { ...result });
  return result;
}

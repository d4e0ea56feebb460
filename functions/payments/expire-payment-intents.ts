import { randomUUID } from 'node:crypto';
import { planDeps } from '../../shared/lending/compose.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { expirePaymentIntents } from '../../shared/lending/app/plans.ts';

const deps = planDeps();

/** An intent that fails is logged and left for the next run; the run itself goes on. */
const onIntentFailed = (paymentId: string, error: unknown): void => logger.error('Expiring a payment intent failed; the next run retries it', { paymentId, error });

export async function handler(): Promise<{ intentsExpired: number; intentsFailed: number }> {
  const result = await expirePaymentIntents({ correlationId: `intent-expiry-${randomUUID()}` }, { ...deps, onIntentFailed });
  logger.info('Payment intent expiry run finished', { ...result });
  return result;
}

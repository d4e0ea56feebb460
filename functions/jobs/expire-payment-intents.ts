import { randomUUID } from 'node:crypto';
import { planDeps } from '../../shared/composition/plans.ts';
import { logger } from '../../shared/observability/logger.ts';
import { expirePaymentIntents } from '../../shared/use-cases/plans/plans.ts';

const deps = planDeps();

export async function handler(): Promise<{ intentsExpired: number }> {
  const result = await expirePaymentIntents({ correlationId: `intent-expiry-${randomUUID()}` }, deps);
  logger.info('Payment intent expiry run finished', { ...result });
  return result;
}

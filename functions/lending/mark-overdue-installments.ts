import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { markOverdueInstallments, type DelinquencyRunReport } from '../../shared/lending/app/delinquency-job.ts';
import { lendingDeps } from '../../shared/lending/compose.ts';

/** A plan that keeps failing is logged and left for the next run; the run itself goes on. */
const onPlanFailed = (planId: string, error: unknown): void => logger.error('Delinquency update failed for a plan; the next run retries it', { planId, error });

export async function handler(): Promise<DelinquencyRunReport> {
  const result = await markOverdueInstallments({ correlationId: `delinquency-${randomUUID()}` }, { ...lendingDeps(), onPlanFailed });
  logger.info('Delinquency run finished', { ...result });
  return result;
}

import { randomUUID } from 'node:crypto';
import { planDeps } from '../../shared/composition/plans.ts';
import { logger } from '../../shared/observability/logger.ts';
import { markOverdueInstallments } from '../../shared/use-cases/plans/plans.ts';

const deps = planDeps();

export async function handler(): Promise<{ plansUpdated: number }> {
  const result = await markOverdueInstallments({ correlationId: `delinquency-${randomUUID()}` }, deps);
  logger.info('Delinquency run finished', { ...result });
  return result;
}

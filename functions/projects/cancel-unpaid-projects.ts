import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { cancelProjectsPastDownPaymentWindow } from '../../shared/projects/app/cancellation.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

/** A project that keeps failing is logged and left for the next run; the run itself goes on. */
const onProjectFailed = (projectId: string, error: unknown): void => logger.error('Cancelling an unpaid project failed; the next run retries it', { projectId, error });

export async function handler(): Promise<Awaited<ReturnType<typeof cancelProjectsPastDownPaymentWindow>>> {
  const result = await cancelProjectsPastDownPaymentWindow({ correlationId: `down-payment-window-${randomUUID()}` }, { ...projectDeps(), onProjectFailed });
  if (result.projectsCancelled + result.projectsFailed > 0) logger.info('Down-payment window run finished', { ...result });
  return result;
}

import { logger } from '../../shared/kernel/observability/logger.ts';
import { deemSilentCustomersConfirmed, type DeemedConfirmationReport } from '../../shared/projects/app/deemed-confirmations.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

/** A project that keeps failing is logged and left for the next run; the run itself goes on. */
const onProjectFailed = (projectId: string, error: unknown): void => logger.error('Deemed confirmation failed for a project; the next run retries it', { projectId, error });

export async function handler(): Promise<DeemedConfirmationReport> {
  const result = await deemSilentCustomersConfirmed({ ...projectDeps(), onProjectFailed });
  if (result.projectsConfirmed + result.projectsFailed > 0) logger.info('Deemed-confirmation run finished', { ...result });
  return result;
}

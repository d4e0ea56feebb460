import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { issueDueNoticesToProceed, type NoticeToProceedReport } from '../../shared/projects/app/notice-to-proceed.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

/** A project that keeps failing is logged and left for the next run; the run itself goes on. */
const onProjectFailed = (projectId: string, error: unknown): void => logger.error('Notice to proceed failed for a project; the next run retries it', { projectId, error });

export async function handler(): Promise<NoticeToProceedReport> {
  const result = await issueDueNoticesToProceed({ correlationId: `notice-to-proceed-${randomUUID()}` }, { ...projectDeps(), onProjectFailed });
  if (result.projectsIssued + result.projectsFailed > 0) logger.info('Notice-to-proceed run finished', { ...result });
  return result;
}

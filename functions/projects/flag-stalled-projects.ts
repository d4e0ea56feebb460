import { randomUUID } from 'node:crypto';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { flagStalledProjects, type StallRunReport } from '../../shared/projects/app/stalled-projects.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export async function handler(): Promise<StallRunReport> {
  const result = await flagStalledProjects(
    { correlationId: `stalled-projects-${randomUUID()}` },
    {
      ...projectDeps(),
      // One alert line per flagged project: the observability stack's metric filter counts them into the alarm.
      onProjectFlagged: (project) => logger.error(ALERT_LOG_MESSAGES.projectStalled, { projectId: project.projectId, contractorId: project.contractorId, awaitedMilestone: project.stalled?.stage }),
      onProjectFailed: (projectId, error) => logger.error('Stall check failed for a project; the next run retries it', { projectId, error }),
    },
  );
  if (result.projectsFlagged + result.projectsFailed > 0) logger.info('Stall run finished', { ...result });
  return result;
}

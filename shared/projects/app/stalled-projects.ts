/**
 * The scheduled job that flags projects overstaying a stage: notice to proceed until M1 is submitted, and M1's
 * approval until M2 is submitted, each with a policy limit (the lenders' practice, solar.md). A flagged project
 * publishes `Project Stalled` and the job's alert line raises the stalled-projects alarm; staff then decide. Each
 * project is flagged once per stage, in its own transaction guarded by its version, so running the job twice (or two
 * at once) flags nothing more.
 */
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import { flagStalled, type Project } from '../domain/project.ts';
import type { ProjectDeps } from './project-deps.ts';
import { SWEEP_PAGE_SIZE, sweepProjects } from './project-sweep.ts';

export interface StallRunReport {
  readonly projectsFlagged: number;
  readonly projectsSkipped: number;
  readonly projectsFailed: number;
}

export async function flagStalledProjects(
  command: { readonly correlationId: string },
  deps: ProjectDeps & { readonly onProjectFlagged?: (project: Project) => void; readonly onProjectFailed?: (projectId: string, error: unknown) => void },
): Promise<StallRunReport> {
  const now = deps.clock.now();
  const tally = await sweepProjects(
    deps.projectStore.listProjectsPastStageDeadline(now, SWEEP_PAGE_SIZE),
    async (listed) => {
      // The index may lag the table: decide on the project as it stands.
      const project = await deps.projectStore.findProject(listed.projectId);
      const flagged = project === undefined ? undefined : flagStalled(project, now);
      if (project === undefined || flagged?.stalled === undefined) return false;
      const { stage, deadlineAt } = flagged.stalled;
      await deps.projectStore.commitProjectChange({
        before: project,
        after: flagged,
        audit: { action: 'PROJECT_STALLED', actor: 'system', occurredAt: now.toISOString(), facts: { awaitedMilestone: stage, deadlineAt: deadlineAt.toISOString() } },
        events: [
          outboundEvent(
            PROJECTS_EVENTS.projectStalled,
            { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, awaitedMilestone: stage, deadlineAt: deadlineAt.toISOString(), flaggedAt: now.toISOString() },
            newEventFacts(deps.ids, command.correlationId, now),
          ),
        ],
      });
      deps.onProjectFlagged?.(flagged);
      return true;
    },
    deps.onProjectFailed,
  );
  return { projectsFlagged: tally.acted, projectsSkipped: tally.skipped, projectsFailed: tally.failed };
}

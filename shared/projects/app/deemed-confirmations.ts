/**
 * The scheduled job that deems a silent customer to have confirmed M2: once the confirmation window after M2's
 * submission has passed with neither a confirmation nor a dispute, the installation is confirmed on the customer's
 * behalf, and the audit entry says it was deemed, so staff may approve M2's payout. Each project is its own
 * transaction guarded by its version; a second run finds nothing (the confirmation takes it out of the index).
 */
import { confirmInstallation } from '../domain/project.ts';
import type { ProjectDeps } from './project-deps.ts';
import { SWEEP_PAGE_SIZE, sweepProjects } from './project-sweep.ts';

export interface DeemedConfirmationReport {
  readonly projectsConfirmed: number;
  readonly projectsSkipped: number;
  readonly projectsFailed: number;
}

export async function deemSilentCustomersConfirmed(deps: ProjectDeps & { readonly onProjectFailed?: (projectId: string, error: unknown) => void }): Promise<DeemedConfirmationReport> {
  const now = deps.clock.now();
  const tally = await sweepProjects(
    deps.projectStore.listProjectsPastConfirmationDeadline(now, SWEEP_PAGE_SIZE),
    async (listed) => {
      const project = await deps.projectStore.findProject(listed.projectId);
      const moved = project === undefined ? undefined : confirmInstallation(project, { confirmedAt: now, confirmedBy: 'system', deemed: true });
      if (project === undefined || moved === undefined || moved.kind === 'refused') return false;
      await deps.projectStore.commitProjectChange({
        before: project,
        after: moved.project,
        audit: { action: 'INSTALLATION_CONFIRMED', actor: 'system', occurredAt: now.toISOString(), facts: { deemed: true, confirmationDueAt: project.confirmationDueAt!.toISOString() } },
        events: [],
      });
      return true;
    },
    deps.onProjectFailed,
  );
  return { projectsConfirmed: tally.acted, projectsSkipped: tally.skipped, projectsFailed: tally.failed };
}

/**
 * The scheduled job that deems a silent customer to have confirmed M2: once the confirmation window after M2's
 * submission has passed with neither a confirmation nor a dispute, the installation is confirmed on the customer's
 * behalf, and the audit entry says it was deemed, so staff may approve M2's payout. Each project is its own
 * transaction guarded by its version; a second run finds nothing (the confirmation takes it out of the index).
 */
import { confirmInstallation } from '../domain/project.ts';
import type { ProjectDeps } from './project-deps.ts';

export const DEEMED_CONFIRMATION_PAGE_SIZE = 100;
/** Projects confirmed in one run at most; the rest wait for the next run. */
export const DEEMED_CONFIRMATION_PER_RUN_MAX = 500;

export interface DeemedConfirmationReport {
  readonly projectsConfirmed: number;
  readonly projectsSkipped: number;
  readonly projectsFailed: number;
}

export async function deemSilentCustomersConfirmed(deps: ProjectDeps & { readonly onProjectFailed?: (projectId: string, error: unknown) => void }): Promise<DeemedConfirmationReport> {
  const now = deps.clock.now();
  const tally = { projectsConfirmed: 0, projectsSkipped: 0, projectsFailed: 0 };
  for await (const listed of deps.projectStore.listProjectsPastConfirmationDeadline(now, DEEMED_CONFIRMATION_PAGE_SIZE)) {
    if (tally.projectsConfirmed + tally.projectsSkipped + tally.projectsFailed >= DEEMED_CONFIRMATION_PER_RUN_MAX) break;
    try {
      const project = await deps.projectStore.findProject(listed.projectId);
      const moved = project === undefined ? undefined : confirmInstallation(project, { confirmedAt: now, confirmedBy: 'system', deemed: true });
      if (project === undefined || moved === undefined || moved.kind === 'refused') {
        tally.projectsSkipped += 1;
        continue;
      }
      await deps.projectStore.commitProjectChange({
        before: project,
        after: moved.project,
        audit: { action: 'INSTALLATION_CONFIRMED', actor: 'system', occurredAt: now.toISOString(), facts: { deemed: true, confirmationDueAt: project.confirmationDueAt!.toISOString() } },
        events: [],
      });
      tally.projectsConfirmed += 1;
    } catch (error) {
      tally.projectsFailed += 1;
      deps.onProjectFailed?.(listed.projectId, error);
    }
  }
  return tally;
}

/**
 * How the projects context's scheduled jobs walk the projects a sparse index lists as due: each project in its own
 * try, so one failure neither stops the run nor hides the others, with a bounded number per run (the rest wait for the
 * next run, and nothing of theirs was written).
 */
import type { Project } from '../domain/project.ts';

/** Projects read per index page. */
export const SWEEP_PAGE_SIZE = 100;
/** Projects looked at in one run at most. */
export const SWEEP_PER_RUN_MAX = 500;

export interface SweepTally {
  /** Projects the job changed. */
  readonly acted: number;
  /** Projects listed that no longer called for it (the index may lag the table). */
  readonly skipped: number;
  /** Projects whose change failed; the next run tries them again. */
  readonly failed: number;
}

/** `actOn` answers whether it changed the project; a throw counts as a failure and is reported to `onFailed`. */
export async function sweepProjects(
  listed: AsyncIterable<Project>,
  actOn: (listed: Project) => Promise<boolean>,
  onFailed: ((projectId: string, error: unknown) => void) | undefined,
): Promise<SweepTally> {
  const tally = { acted: 0, skipped: 0, failed: 0 };
  for await (const project of listed) {
    if (tally.acted + tally.skipped + tally.failed >= SWEEP_PER_RUN_MAX) break;
    try {
      if (await actOn(project)) tally.acted += 1;
      else tally.skipped += 1;
    } catch (error) {
      tally.failed += 1;
      onFailed?.(project.projectId, error);
    }
  }
  return tally;
}

/**
 * The scheduled job that gives notice to proceed: a project whose down payment is held and whose agreement is
 * accepted waits in COOLING_OFF until the plan's cooling-off window ends, so that no work starts and no money reaches
 * the contractor while the customer can still withdraw. Notice to proceed also fixes the plan's schedule: the first
 * installment falls due a policy period after it. Each project is its own transaction, guarded by its status, so a
 * second run (or two at once) changes nothing more.
 */
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { fixProvisionalSchedule, riyadhCalendarDate } from '../../lending/index.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import { issueNoticeToProceed, type Project } from '../domain/project.ts';
import type { ProjectDeps } from './project-deps.ts';
import { SWEEP_PAGE_SIZE, sweepProjects } from './project-sweep.ts';

export interface NoticeToProceedReport {
  readonly projectsIssued: number;
  readonly projectsSkipped: number;
  readonly projectsFailed: number;
}

export async function issueDueNoticesToProceed(command: { readonly correlationId: string }, deps: ProjectDeps & { readonly onProjectFailed?: (projectId: string, error: unknown) => void }): Promise<NoticeToProceedReport> {
  const now = deps.clock.now();
  const tally = await sweepProjects(deps.projectStore.listProjectsDueNoticeToProceed(now, SWEEP_PAGE_SIZE), (listed) => issueOne(listed, command.correlationId, now, deps), deps.onProjectFailed);
  return { projectsIssued: tally.acted, projectsSkipped: tally.skipped, projectsFailed: tally.failed };
}

async function issueOne(listed: Project, correlationId: string, now: Date, deps: ProjectDeps): Promise<boolean> {
  // The index may lag the table: read both again, consistently, before deciding.
  const [project, plan] = await Promise.all([deps.projectStore.findProject(listed.projectId), deps.projectStore.findPlan(listed.planId)]);
  if (project === undefined || plan === undefined) return false;
  const moved = issueNoticeToProceed(project, now, deps.policy);
  // A plan no longer active (cancelled in its cooling-off window) never proceeds.
  const fixed = fixProvisionalSchedule(plan, riyadhCalendarDate(now), deps.policy.firstInstallmentMonthsAfterNoticeToProceed);
  if (moved.kind === 'refused' || fixed === undefined) return false;
  const firstInstallmentDueDate = fixed.installments[0]!.dueDate;
  await deps.projectStore.commitNoticeToProceed({
    before: project,
    after: moved.project,
    audit: { action: 'NOTICE_TO_PROCEED_ISSUED', actor: 'system', occurredAt: now.toISOString(), facts: { coolingOffEndedAt: project.coolingOffEndsAt.toISOString(), firstInstallmentDueDate } },
    events: [
      outboundEvent(
        PROJECTS_EVENTS.noticeToProceedIssued,
        { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, issuedAt: now.toISOString(), firstInstallmentDueDate },
        newEventFacts(deps.ids, correlationId, now),
      ),
    ],
    planBefore: plan,
    planAfter: fixed,
    planAudit: { action: 'SCHEDULE_FIXED_AT_NOTICE_TO_PROCEED', actor: 'system', occurredAt: now.toISOString(), facts: { firstInstallmentDueDate, installmentCount: fixed.installments.length } },
  });
  return true;
}

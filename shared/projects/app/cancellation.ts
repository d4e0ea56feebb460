/**
 * The customer withdraws from an installation before notice to proceed: the project and its plan are cancelled in one
 * transaction, the exposure is released, the plan's opening journal is reversed, and a held down payment is to be
 * refunded in full through the gateway (payments' refunds queue acts on the event). Retried with its Idempotency-Key,
 * it answers as the first time and has one effect. A down payment not paid within its window cancels them the same way.
 */
import type { Principal } from '../../kernel/http/request-context.ts';
import type { IdempotentOutcome, IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { planOpenedJournal, reverseJournal } from '../../ledger/index.ts';
import { cancellationBeforeWorkStarts, LENDING_EVENTS, toJournalRecord } from '../../lending/index.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import { projectsError } from '../api/error-codes.ts';
import { awaitsDownPayment, cancelProject, type Project } from '../domain/project.ts';
import type { ProjectDeps } from './project-deps.ts';
import { SWEEP_PAGE_SIZE, sweepProjects } from './project-sweep.ts';
import { ownProjectForUpdate, refusalError } from './projects.ts';

export async function cancelProjectByCustomer(
  command: { readonly principal: Principal; readonly projectId: string; readonly correlationId: string; readonly idempotency: IdempotentRequest<Project> },
  deps: Pick<ProjectDeps, 'projectStore' | 'clock' | 'ids'>,
): Promise<IdempotentOutcome<Project>> {
  const now = deps.clock.now();
  const loaded = await ownProjectForUpdate(command, now, deps);
  if (loaded.kind === 'replayed') return loaded;
  const cancelled = await commitCancellation(loaded.project, { actor: command.principal.principalId, reason: 'CUSTOMER_WITHDREW', now, correlationId: command.correlationId, idempotency: command.idempotency }, deps);
  return { kind: 'performed', value: cancelled };
}

/**
 * The scheduled job that cancels projects whose down payment was not paid within the window
 * (`POLICY_DOWN_PAYMENT_WINDOW_SECONDS`), with their plans, releasing the exposure they held. A project with a
 * down-payment intent in flight is not in the job's index until the gateway answers. Each project is its own
 * transaction guarded by its version, so a second run changes nothing more.
 */
export async function cancelProjectsPastDownPaymentWindow(
  command: { readonly correlationId: string },
  deps: Pick<ProjectDeps, 'projectStore' | 'clock' | 'ids'> & { readonly onProjectFailed?: (projectId: string, error: unknown) => void },
): Promise<{ readonly projectsCancelled: number; readonly projectsSkipped: number; readonly projectsFailed: number }> {
  const now = deps.clock.now();
  const tally = await sweepProjects(
    deps.projectStore.listProjectsPastDownPaymentWindow(now, SWEEP_PAGE_SIZE),
    async (listed) => {
      const project = await deps.projectStore.findProject(listed.projectId);
      if (project === undefined || !awaitsDownPayment(project) || project.downPaymentDueAt! > now) return false;
      await commitCancellation(project, { actor: 'system', reason: 'DOWN_PAYMENT_NOT_PAID', now, correlationId: command.correlationId, idempotency: undefined }, deps);
      return true;
    },
    deps.onProjectFailed,
  );
  return { projectsCancelled: tally.acted, projectsSkipped: tally.skipped, projectsFailed: tally.failed };
}

async function commitCancellation(
  project: Project,
  context: { readonly actor: string; readonly reason: 'CUSTOMER_WITHDREW' | 'DOWN_PAYMENT_NOT_PAID'; readonly now: Date; readonly correlationId: string; readonly idempotency: IdempotentRequest<Project> | undefined },
  deps: Pick<ProjectDeps, 'projectStore' | 'ids'>,
): Promise<Project> {
  const { now, actor } = context;
  const moved = cancelProject(project, now);
  if (moved.kind === 'refused') throw refusalError(moved.refusal);
  const [plan, openingJournalId] = await Promise.all([deps.projectStore.findPlan(project.planId), deps.projectStore.findPlanOpeningJournalId(project.planId)]);
  // A plan someone already paid into is not cancelled here: that money would need returning too.
  const cancelledPlan = plan === undefined ? undefined : cancellationBeforeWorkStarts(plan);
  if (plan === undefined || cancelledPlan === undefined || openingJournalId === undefined) throw projectsError('PROJECT_STATUS_CONFLICT');
  const cancelled = moved.project;
  const facts = () => newEventFacts(deps.ids, context.correlationId, now);
  const refundHalalas = cancelled.refund?.amountHalalas ?? 0;
  const events: OutboundEvent[] = [
    outboundEvent(PROJECTS_EVENTS.projectCancelled, { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, refundHalalas, cancelledAt: now.toISOString() }, facts()),
    outboundEvent(LENDING_EVENTS.planCancelled, { planId: plan.planId, customerId: plan.customerId, releasedHalalas: plan.outstandingHalalas, cancelledAt: now.toISOString() }, facts()),
    ...(cancelled.refund === undefined
      ? []
      : [
          outboundEvent(
            PROJECTS_EVENTS.downPaymentRefundRequested,
            { refundId: cancelled.refund.refundId, projectId: project.projectId, planId: project.planId, paymentId: cancelled.refund.paymentId, amountHalalas: refundHalalas, requestedAt: now.toISOString() },
            facts(),
          ),
        ]),
  ];
  await deps.projectStore.commitCancellation({
    before: project,
    after: cancelled,
    audit: { action: 'PROJECT_CANCELLED', actor, occurredAt: now.toISOString(), facts: { refundHalalas, fromStatus: project.status, reason: context.reason } },
    events,
    ...(context.idempotency === undefined ? {} : { idempotency: { scope: context.idempotency, response: context.idempotency.replyTo(cancelled) } }),
    planBefore: plan,
    planAfter: cancelledPlan,
    planAudit: { action: 'PLAN_CANCELLED', actor, occurredAt: now.toISOString(), facts: { releasedHalalas: plan.outstandingHalalas, withProject: true, reason: context.reason } },
    planJournal: toJournalRecord(plan.planId, deps.ids.newId(), 'Plan cancelled with its installation project', now, reverseJournal(planOpenedJournal(plan.financedHalalas)), openingJournalId),
  });
  return cancelled;
}

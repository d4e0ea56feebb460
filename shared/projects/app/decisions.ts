/**
 * Staff review of a submitted milestone, with four eyes: an ops user proposes APPROVE or REJECT with a reason, and a
 * different staff user (ops or compliance) confirms it. Only the confirmation acts: an approval credits the
 * contractor's payable and creates the milestone's disbursements (one bank transfer each) in the same transaction,
 * and the outbox hands them to the payouts queue. Both steps are audited in the project's chain.
 *
 * The same two steps end a project stalled waiting for M2 (END_EARLY on M2): the confirmation takes the undrawn
 * financing off the customer's plan, requests the refund of what the customer is owed back, and claims back from the
 * contractor what it was paid, in one transaction (docs/projects.md, "Ending a stalled project early").
 */
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { clawbackClaimedJournal, milestoneApprovedJournal, undrawnFinancingCancelledJournal } from '../../ledger/index.ts';
import { bucketTransitionEvents, LENDING_EVENTS, reduceFinancing, riyadhCalendarDate, toJournalRecord, type Plan } from '../../lending/index.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import { projectsError } from '../api/error-codes.ts';
import { disbursementIdOf, type Disbursement } from '../domain/disbursement.ts';
import { confirmMilestoneDecision, type MilestoneDecision, type MilestoneDecisionKind } from '../domain/milestone-decision.ts';
import { approveMilestone, customerAnswered, endProjectEarly, mayEndEarly, MILESTONE_REQUIREMENTS, rejectMilestone, type Milestone, type Project } from '../domain/project.ts';
import type { ProjectDeps } from './project-deps.ts';
import type { ContractorMoneyMovement } from './ports.ts';
import { refusalError } from './projects.ts';

const REVIEWABLE_STATUS: Readonly<Record<Milestone, Project['status']>> = { M1: 'M1_SUBMITTED', M2: 'M2_SUBMITTED' };

export interface DecisionReading {
  readonly decision: MilestoneDecision;
  readonly projectStatus: Project['status'];
  readonly disbursementIds: readonly string[];
}

async function requireProject(projectId: string, deps: Pick<ProjectDeps, 'projectStore'>): Promise<Project> {
  const project = await deps.projectStore.findProject(projectId);
  if (project === undefined) throw projectsError('PROJECT_NOT_FOUND');
  return project;
}

export async function proposeMilestoneDecision(
  command: { readonly principal: Principal; readonly projectId: string; readonly milestone: Milestone; readonly decision: MilestoneDecisionKind; readonly reason: string },
  deps: Pick<ProjectDeps, 'projectStore' | 'clock' | 'ids'>,
): Promise<DecisionReading> {
  const project = await requireProject(command.projectId, deps);
  if (command.decision === 'END_EARLY') {
    if (command.milestone !== 'M2' || !mayEndEarly(project)) throw projectsError('EARLY_END_NOT_ALLOWED');
    // A proposal that could not be confirmed would only hold the project's one pending decision.
    if (project.unsettledDisbursementCount > 0) throw projectsError('EARLY_END_WAITS_FOR_DISBURSEMENTS');
  } else if (project.status !== REVIEWABLE_STATUS[command.milestone]) throw projectsError('PROJECT_STATUS_CONFLICT');
  if (command.decision === 'APPROVE' && MILESTONE_REQUIREMENTS[command.milestone].customerConfirmationRequired && !customerAnswered(project)) {
    throw projectsError('INSTALLATION_NOT_CONFIRMED');
  }
  const now = deps.clock.now();
  const decision: MilestoneDecision = {
    decisionId: deps.ids.newId(),
    projectId: project.projectId,
    milestone: command.milestone,
    decision: command.decision,
    reason: command.reason,
    proposedBy: command.principal.principalId,
    proposedAt: now,
    status: 'PENDING_CONFIRMATION',
  };
  const outcome = await deps.projectStore.proposeDecision({
    project,
    decision,
    audit: {
      action: 'MILESTONE_DECISION_PROPOSED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { decisionId: decision.decisionId, milestone: command.milestone, decision: command.decision, reason: command.reason },
    },
  });
  if (outcome === 'already-pending') throw projectsError('MILESTONE_DECISION_PENDING');
  return { decision, projectStatus: project.status, disbursementIds: [] };
}

export async function confirmMilestoneDecisionOf(
  command: { readonly principal: Principal; readonly projectId: string; readonly milestone: Milestone; readonly decisionId: string; readonly correlationId: string },
  deps: Pick<ProjectDeps, 'projectStore' | 'clock' | 'ids' | 'policy'>,
): Promise<DecisionReading> {
  const { project, decision: pending, plan } = await deps.projectStore.loadForDecision(command.projectId, command.decisionId);
  if (project === undefined) throw projectsError('PROJECT_NOT_FOUND');
  if (pending === undefined || pending.milestone !== command.milestone) throw projectsError('MILESTONE_DECISION_NOT_FOUND');
  const now = deps.clock.now();
  const check = confirmMilestoneDecision(pending, { confirmedBy: command.principal.principalId, confirmedAt: now });
  if (check.kind === 'refused') throw check.code === 'FOUR_EYES_REQUIRED' ? kernelError('FOUR_EYES_REQUIRED') : projectsError(check.code);
  const { decision } = check;
  const facts = () => newEventFacts(deps.ids, command.correlationId, now);
  const audit = {
    action: 'MILESTONE_DECISION_CONFIRMED',
    actor: command.principal.principalId,
    occurredAt: now.toISOString(),
    facts: {
      decisionId: decision.decisionId,
      milestone: decision.milestone,
      decision: decision.decision,
      proposedBy: decision.proposedBy,
      // Staff's decision on a disputed M2 is the dispute's resolution.
      resolvesDispute: decision.milestone === 'M2' && project.installationDispute !== undefined,
    },
  };
  const decided = { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, milestone: decision.milestone, amountHalalas: project.milestones[decision.milestone].amountHalalas };
  let after: Project;
  let disbursements: Disbursement[] = [];
  let money: ContractorMoneyMovement | undefined;
  let events: OutboundEvent[];
  if (decision.decision === 'END_EARLY') {
    const ending = endingEarly(project, plan, decision, { confirmedBy: command.principal.principalId, now, correlationId: command.correlationId }, deps);
    const outcome = await deps.projectStore.confirmDecision({ change: { before: project, after: ending.project, audit: { ...audit, action: 'PROJECT_ENDED_EARLY', facts: { ...audit.facts, ...ending.amounts } }, events: ending.events }, decision, disbursements: [], money: ending.money, plan: ending.plan });
    if (outcome === 'not-pending') throw projectsError('MILESTONE_DECISION_NOT_PENDING');
    return { decision, projectStatus: ending.project.status, disbursementIds: [] };
  }
  if (decision.decision === 'REJECT') {
    const moved = rejectMilestone(project, decision.milestone);
    if (moved.kind === 'refused') throw refusalError(moved.refusal);
    after = moved.project;
    events = [
      outboundEvent(
        PROJECTS_EVENTS.milestoneRejected,
        { ...decided, decisionId: decision.decisionId, reason: decision.reason, proposedBy: decision.proposedBy, confirmedBy: command.principal.principalId, rejectedAt: now.toISOString() },
        facts(),
      ),
    ];
  } else {
    const outcome = approveMilestone(project, decision.milestone, decision.decisionId, now, deps.policy);
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal);
    const { approval } = outcome;
    after = approval.project;
    disbursements = approval.transferAmountsHalalas.map((amountHalalas, index) => ({
      disbursementId: disbursementIdOf(project.projectId, decision.milestone, index + 1),
      projectId: project.projectId,
      contractorId: project.contractorId,
      milestone: decision.milestone,
      sequence: index + 1,
      amountHalalas,
      status: 'REQUESTED',
      requestedAt: now,
    }));
    money = {
      contractorId: project.contractorId,
      journal: {
        journalId: deps.ids.newId(),
        description: `${decision.milestone} of project ${project.projectId} approved`,
        postedAt: now,
        entries: milestoneApprovedJournal(approval.fromDownPaymentHalalas, approval.fromFundingHalalas).entries,
      },
      payableDeltaHalalas: decided.amountHalalas,
      approvedDeltaHalalas: decided.amountHalalas,
    };
    events = [
      outboundEvent(
        PROJECTS_EVENTS.milestoneApproved,
        {
          ...decided,
          decisionId: decision.decisionId,
          proposedBy: decision.proposedBy,
          confirmedBy: command.principal.principalId,
          disbursementIds: disbursements.map((disbursement) => disbursement.disbursementId),
          approvedAt: now.toISOString(),
        },
        facts(),
      ),
      ...disbursements.map((disbursement) =>
        outboundEvent(
          PROJECTS_EVENTS.disbursementRequested,
          { disbursementId: disbursement.disbursementId, projectId: project.projectId, contractorId: project.contractorId, milestone: disbursement.milestone, amountHalalas: disbursement.amountHalalas, requestedAt: now.toISOString() },
          facts(),
        ),
      ),
    ];
  }
  const outcome = await deps.projectStore.confirmDecision({ change: { before: project, after, audit, events }, decision, disbursements, money });
  if (outcome === 'not-pending') throw projectsError('MILESTONE_DECISION_NOT_PENDING');
  return { decision, projectStatus: after.status, disbursementIds: disbursements.map((disbursement) => disbursement.disbursementId) };
}

/**
 * What confirming an early ending commits besides the decision: the project ENDED_EARLY, the plan without its undrawn
 * financing and that journal, the clawback claimed on the contractor's ledger, and the events (with the refund's).
 */
function endingEarly(
  project: Project,
  plan: Plan | undefined,
  decision: MilestoneDecision,
  context: { readonly confirmedBy: string; readonly now: Date; readonly correlationId: string },
  deps: Pick<ProjectDeps, 'ids'>,
) {
  const { now } = context;
  if (plan === undefined) throw projectsError('PROJECT_STATUS_CONFLICT');
  // The plan's balance decides what is cancelled and what is refunded: a payment in flight must settle first.
  if (plan.payableHalalas !== plan.outstandingHalalas) throw projectsError('EARLY_END_WAITS_FOR_PAYMENT');
  const moved = endProjectEarly(project, plan.outstandingHalalas, decision.decisionId, now);
  if (moved.kind === 'refused') throw refusalError(moved.refusal);
  const ended = moved.project;
  const ending = ended.earlyEnding!;
  const reduced = ending.cancelledFromPlanHalalas > 0 ? reduceFinancing(plan, ending.cancelledFromPlanHalalas, riyadhCalendarDate(now)) : undefined;
  if (ending.cancelledFromPlanHalalas > 0 && reduced === undefined) throw projectsError('EARLY_END_WAITS_FOR_PAYMENT');
  const facts = () => newEventFacts(deps.ids, context.correlationId, now);
  const amounts = {
    undrawnFinancingHalalas: ending.undrawnFinancingHalalas,
    cancelledFromPlanHalalas: ending.cancelledFromPlanHalalas,
    refundHalalas: ended.refund?.amountHalalas ?? 0,
    clawbackHalalas: ending.clawbackHalalas,
  };
  const events: OutboundEvent[] = [
    outboundEvent(
      PROJECTS_EVENTS.projectEndedEarly,
      { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, decisionId: decision.decisionId, proposedBy: decision.proposedBy, confirmedBy: context.confirmedBy, ...amounts, endedAt: now.toISOString() },
      facts(),
    ),
    ...(ended.refund === undefined
      ? []
      : [
          outboundEvent(
            PROJECTS_EVENTS.downPaymentRefundRequested,
            { refundId: ended.refund.refundId, projectId: project.projectId, planId: project.planId, paymentId: ended.refund.paymentId, amountHalalas: ended.refund.amountHalalas, requestedAt: now.toISOString() },
            facts(),
          ),
        ]),
    ...(reduced === undefined ? [] : bucketTransitionEvents(plan, reduced.delinquency, deps, context.correlationId, now)),
    ...(reduced?.completed === true ? [outboundEvent(LENDING_EVENTS.planCompleted, { planId: plan.planId, customerId: plan.customerId, completedAt: now.toISOString() }, facts())] : []),
  ];
  const journal =
    ending.undrawnFinancingHalalas > 0
      ? toJournalRecord(plan.planId, deps.ids.newId(), `Undrawn financing of project ${project.projectId} cancelled`, now, undrawnFinancingCancelledJournal(ending.cancelledFromPlanHalalas, ending.repaidBeyondDrawnHalalas))
      : undefined;
  const money: ContractorMoneyMovement | undefined =
    ending.clawbackHalalas > 0
      ? {
          contractorId: project.contractorId,
          journal: { journalId: deps.ids.newId(), description: `Clawback of project ${project.projectId}, ended early`, postedAt: now, entries: clawbackClaimedJournal(ending.clawbackHalalas).entries },
          payableDeltaHalalas: 0,
          receivableDeltaHalalas: ending.clawbackHalalas,
        }
      : undefined;
  return {
    project: ended,
    amounts,
    events,
    money,
    plan: { before: plan, after: reduced?.plan, audit: { action: 'PLAN_UNDRAWN_FINANCING_CANCELLED', actor: context.confirmedBy, occurredAt: now.toISOString(), facts: { projectId: project.projectId, decisionId: decision.decisionId, ...amounts } }, journal },
  };
}

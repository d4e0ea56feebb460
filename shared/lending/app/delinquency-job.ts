/**
 * The scheduled job that marks overdue installments and moves plans between arrears buckets. Each plan is its own
 * transaction, so one plan that keeps failing never stops the run: it is retried, counted and left for the next
 * run, which starts over from the index and finds it unchanged. A plan already marked is skipped, so a rerun picks
 * up where one stopped.
 */
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { retryingConcurrentUpdates } from '../../kernel/storage/concurrent-updates.ts';
import { LENDING_EVENTS } from '../api/events.ts';
import type { Plan } from '../domain/plan.ts';
import { markOverdue } from '../domain/plan-transitions.ts';
import { riyadhCalendarDate } from '../domain/schedule.ts';
import type { LendingDeps } from './lending-deps.ts';
import { bucketTransitionEvents } from './plan-changes.ts';
import type { PlanEvent } from './ports.ts';

/** Calendar months of due dates the job looks back over; plans overdue longer stay in the 90+ bucket anyway. */
export const DELINQUENCY_LOOKBACK_MONTHS = 24;
/** Plans read per page by the delinquency job. */
export const DELINQUENCY_PAGE_SIZE = 100;
/** Tries per plan in one run: a conflict clears in milliseconds, and a plan still failing waits for the next run. */
export const DELINQUENCY_ATTEMPTS_PER_PLAN_MAX = 3;

export interface DelinquencyRunReport {
  /** Plans the index listed as due. */
  readonly plansProcessed: number;
  /** Plans whose installments or bucket changed, with their events published. */
  readonly plansUpdated: number;
  /** Plans with nothing new since the last run. */
  readonly plansSkipped: number;
  /** Plans that still failed after every attempt; the next run retries them, since nothing of theirs was written. */
  readonly plansFailed: number;
}

type JobDeps = Pick<LendingDeps, 'planStore' | 'delinquencyStore' | 'clock' | 'ids'>;
interface Run {
  readonly correlationId: string;
  readonly now: Date;
  readonly today: string;
}

export async function markOverdueInstallments(command: { readonly correlationId: string }, deps: JobDeps & { readonly onPlanFailed?: (planId: string, error: unknown) => void }): Promise<DelinquencyRunReport> {
  const now = deps.clock.now();
  const today = riyadhCalendarDate(now);
  const tally = { plansProcessed: 0, plansUpdated: 0, plansSkipped: 0, plansFailed: 0 };
  for await (const listed of deps.delinquencyStore.listPlansDueBefore(today, DELINQUENCY_LOOKBACK_MONTHS, DELINQUENCY_PAGE_SIZE)) {
    tally.plansProcessed += 1;
    try {
      const outcome = await markPlanDelinquency(listed, { ...command, now, today }, deps);
      if (outcome === 'updated') tally.plansUpdated += 1;
      else tally.plansSkipped += 1;
    } catch (error) {
      tally.plansFailed += 1;
      deps.onPlanFailed?.(listed.planId, error);
    }
  }
  return tally;
}

/** One plan's delinquency update, read afresh and retried when it loses a race to a payment or another writer. */
async function markPlanDelinquency(listed: Plan, run: Run, deps: JobDeps): Promise<'updated' | 'unchanged'> {
  let attempts = 0;
  return retryingConcurrentUpdates(async () => {
    const plan = attempts++ === 0 ? listed : await deps.planStore.findPlan(listed.planId);
    if (plan === undefined || plan.status !== 'ACTIVE') return 'unchanged';
    const marking = markOverdue(plan, run.today);
    // Running the job again finds nothing new: no write, no event.
    if (marking === undefined) return 'unchanged';
    const events: PlanEvent[] = marking.newlyOverdue.map((installment) =>
      outboundEvent(
        LENDING_EVENTS.installmentOverdue,
        { planId: plan.planId, customerId: plan.customerId, sequence: installment.sequence, dueDate: installment.dueDate, remainingHalalas: installment.remainingHalalas, daysPastDue: installment.daysPastDue },
        newEventFacts(deps.ids, run.correlationId, run.now),
      ),
    );
    events.push(...bucketTransitionEvents(plan, marking.delinquency, deps, run.correlationId, run.now));
    await deps.delinquencyStore.markDelinquency({ plan, updated: marking.plan, audit: { action: 'DELINQUENCY_UPDATED', actor: 'system', occurredAt: run.now.toISOString(), facts: { bucket: marking.delinquency.bucket } }, events });
    return 'updated';
  }, DELINQUENCY_ATTEMPTS_PER_PLAN_MAX);
}

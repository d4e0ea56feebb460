/** Pieces of a plan change shared by the plan use-cases and by unapplied cash applied to a plan. */
import type { Journal as BalancedJournal } from '../../ledger/index.ts';
import { bucketTransitionEvent, type DelinquencyBucket, type PlanDelinquency } from '../domain/delinquency.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { Plan } from '../domain/plan.ts';
import type { Journal, PlanEvent } from './ports.ts';
import { LENDING_EVENTS } from '../api/events.ts';


/** The Plan Delinquent or Plan Delinquency Cured event that a change of the plan's bucket calls for, if any. */
export function bucketTransitionEvents(plan: Plan, after: PlanDelinquency, deps: { readonly ids: IdGenerator }, correlationId: string, now: Date): PlanEvent[] {
  const type = bucketTransitionEvent(plan.delinquencyBucket, after.bucket);
  const { planId, customerId } = plan;
  if (type === 'planDelinquencyCured') {
    const previousBucket = plan.delinquencyBucket as Exclude<DelinquencyBucket, 'CURRENT'>;
    return [outboundEvent(LENDING_EVENTS.planDelinquencyCured, { planId, customerId, previousBucket, curedAt: now.toISOString() }, newEventFacts(deps.ids, correlationId, now))];
  }
  if (type === 'planDelinquent') {
    const bucket = after.bucket as Exclude<DelinquencyBucket, 'CURRENT'>;
    const data = { planId, customerId, bucket, overdueHalalas: after.overdueHalalas, daysPastDue: after.daysPastDue };
    return [outboundEvent(LENDING_EVENTS.planDelinquent, data, newEventFacts(deps.ids, correlationId, now))];
  }
  return [];
}

export function toJournalRecord(planId: string, journalId: string, description: string, postedAt: Date, balanced: BalancedJournal, reverses?: string): Journal {
  return { journalId, planId, description, postedAt, entries: balanced.entries, ...(reverses === undefined ? {} : { reverses }) };
}

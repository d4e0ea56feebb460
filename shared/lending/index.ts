/**
 * The only surface another context may import from lending: its plan model and the state changes other contexts
 * apply to a plan, the transaction items that commit those changes inside another context's transaction, and its
 * errors and events.
 */
export { lendingError } from './api/error-codes.ts';
export { LENDING_EVENTS } from './api/events.ts';
export { keys as lendingKeys, planPartition } from './adapters/keys.ts';
export { customerLendingUpdate, payableReservation, planCancellationWrites, planFinancingReductionWrites, planJournalWrites, planUpdate, toPlan } from './adapters/plan-items.ts';
export type { Plan, PlanInstallment } from './domain/plan.ts';
export type { Journal } from './app/ports.ts';
export { bucketTransitionEvents, toJournalRecord } from './app/plan-changes.ts';
export { findOwnPlan } from './app/plans.ts';
export { cancellationBeforeWorkStarts, fixProvisionalSchedule, receivePayment, reduceFinancing, releaseReservation } from './domain/plan-transitions.ts';
export { riyadhCalendarDate } from './domain/schedule.ts';
export type { PlanStore } from './app/ports.ts';
export { DynamoDbPlanStore } from './adapters/plan-store.ts';
export { APPLICANT_ATTRIBUTES, toApplicant } from './adapters/offer-store.ts';
export type { Applicant } from './domain/plan.ts';
export { financingView, type FinancingView } from './domain/financing-view.ts';

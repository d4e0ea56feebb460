/** Every scheduled job, joined from the contexts that declare them. Joining refuses a name two contexts use. */
import type { ScheduledJobDefinition } from '../kernel/messaging/schedule.ts';
import { lendingSchedules } from '../lending/api/schedules.ts';
import { paymentsSchedules } from '../payments/api/schedules.ts';
import { projectsSchedules } from '../projects/api/schedules.ts';
import { joinDeclarations } from './join.ts';

export const scheduledJobs = joinDeclarations<ScheduledJobDefinition>('scheduled job', { lending: lendingSchedules, payments: paymentsSchedules, projects: projectsSchedules }) as typeof lendingSchedules &
  typeof paymentsSchedules &
  typeof projectsSchedules;

export const scheduledJobList: readonly ScheduledJobDefinition[] = Object.values(scheduledJobs);
export type { ScheduledJobDefinition } from '../kernel/messaging/schedule.ts';

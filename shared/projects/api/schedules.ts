/** The projects context's scheduled jobs. */
import type { ScheduledJobDefinition } from '../../kernel/messaging/schedule.ts';

export const projectsSchedules = {
  issueNoticesToProceed: {
    id: 'issue-notices-to-proceed',
    description: "Gives notice to proceed to projects whose plan's cooling-off window has ended, and fixes the plan's schedule from that day.",
    handlerEntry: 'functions/projects/issue-notices-to-proceed.ts',
    // A cooling-off window is days long; a minute's delay after it ends costs nobody anything.
    scheduleExpression: 'rate(1 minute)',
    // Locally the window can be shortened to seconds (POLICY_COOLING_OFF_SECONDS), so the job follows closely.
    localIntervalSeconds: 2,
    functionTimeoutSeconds: 120,
    permissions: ['table:read', 'table:write'],
  },
} as const satisfies Record<string, ScheduledJobDefinition>;

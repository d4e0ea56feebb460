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
  flagStalledProjects: {
    id: 'flag-stalled-projects',
    description: 'Flags projects that overstay a stage (notice to proceed → M1, M1 → M2) past their policy limit, publishes Project Stalled and raises the stalled-projects alarm.',
    handlerEntry: 'functions/projects/flag-stalled-projects.ts',
    // Limits are months long; an hour's delay in noticing changes nothing.
    scheduleExpression: 'rate(1 hour)',
    localIntervalSeconds: 2,
    functionTimeoutSeconds: 120,
    permissions: ['table:read', 'table:write'],
  },
  deemInstallationsConfirmed: {
    id: 'deem-installations-confirmed',
    description: "Deems a customer who neither confirmed nor disputed M2 within the window to have confirmed the installation, so staff may approve M2's payout.",
    handlerEntry: 'functions/projects/deem-installations-confirmed.ts',
    scheduleExpression: 'rate(1 hour)',
    localIntervalSeconds: 2,
    functionTimeoutSeconds: 120,
    permissions: ['table:read', 'table:write'],
  },
  cancelUnpaidProjects: {
    id: 'cancel-unpaid-projects',
    description: 'Cancels projects whose down payment was not paid within the window, with their plans, releasing the exposure they held.',
    handlerEntry: 'functions/projects/cancel-unpaid-projects.ts',
    scheduleExpression: 'rate(1 hour)',
    localIntervalSeconds: 2,
    functionTimeoutSeconds: 120,
    permissions: ['table:read', 'table:write'],
  },
} as const satisfies Record<string, ScheduledJobDefinition>;

/** The lending context's scheduled jobs. */
import type { ScheduledJobDefinition } from '../../kernel/messaging/schedule.ts';

export const lendingSchedules = {
  markOverdueInstallments: {
    id: 'mark-overdue-installments',
    description: 'Marks installments past their due date OVERDUE and puts each plan in its delinquency bucket.',
    handlerEntry: 'functions/lending/mark-overdue-installments.ts',
    // 00:05 in Riyadh (UTC+3), just after due dates roll over.
    scheduleExpression: 'cron(5 21 * * ? *)',
    localIntervalSeconds: 60,
    functionTimeoutSeconds: 300,
    permissions: ['table:read', 'table:write'],
  },
} as const satisfies Record<string, ScheduledJobDefinition>;

/**
 * The schedule table: jobs run on a timer. In AWS each is an EventBridge schedule rule invoking its function; the
 * local runtime runs the same handler on an interval. Jobs must be idempotent: running twice does nothing more.
 */
import type { Permission } from '../kernel/deployment/permissions.ts';

export interface ScheduledJobDefinition {
  readonly id: string;
  readonly description: string;
  readonly handlerEntry: `functions/${string}.ts`;
  /** EventBridge schedule expression, in UTC. */
  readonly scheduleExpression: string;
  /** How often the local runtime runs the job, so its effect is visible during a local session. */
  readonly localIntervalSeconds: number;
  readonly functionTimeoutSeconds: number;
  readonly permissions: readonly Permission[];
}

export const scheduledJobs = {
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
  expirePaymentIntents: {
    id: 'expire-payment-intents',
    description: 'Fails payment intents the gateway never settled before they expired, releasing the amount they reserved.',
    handlerEntry: 'functions/payments/expire-payment-intents.ts',
    scheduleExpression: 'rate(10 minutes)',
    localIntervalSeconds: 30,
    functionTimeoutSeconds: 300,
    permissions: ['table:read', 'table:write'],
  },
} as const satisfies Record<string, ScheduledJobDefinition>;

export const scheduledJobList: readonly ScheduledJobDefinition[] = Object.values(scheduledJobs);

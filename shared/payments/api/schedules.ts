/** The payments context's scheduled jobs. */
import type { ScheduledJobDefinition } from '../../kernel/messaging/schedule.ts';

export const paymentsSchedules = {
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

/** The payments context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
import { PROJECTS_EVENTS } from '../../projects/index.ts';
import { PAYMENTS_EVENTS } from './events.ts';

export const paymentsIntegrations = {
  paymentGatewayCheckout: defineIntegration({
    id: 'payment-gateway-checkout',
    description: 'Opens a gateway checkout for each payment intent; the gateway confirms or fails it through the signed webhook.',
    eventPattern: {
      source: [PAYMENTS_EVENTS.paymentIntentCreated.source],
      detailType: [PAYMENTS_EVENTS.paymentIntentCreated.detailType],
    },
    handlerEntry: 'functions/payments/open-gateway-checkout.ts',
    functionTimeoutSeconds: 15,
    maximumConcurrency: 10,
    queue: { batchSize: 10, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read'],
  }),
  downPaymentRefunds: defineIntegration({
    id: 'down-payment-refunds',
    description: "Asks the gateway to refund what a cancelled or ended project owes its customer; the gateway answers through the signed refund webhook.",
    eventPattern: {
      source: [PROJECTS_EVENTS.downPaymentRefundRequested.source],
      detailType: [PROJECTS_EVENTS.downPaymentRefundRequested.detailType],
    },
    handlerEntry: 'functions/payments/request-down-payment-refund.ts',
    functionTimeoutSeconds: 30,
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read', 'queue:send-dead-letter'],
  }),
  unappliedCashRefunds: defineIntegration({
    id: 'unapplied-cash-refunds',
    description: 'Asks the gateway to refund money held in suspense that two staff users decided to refund; the gateway answers through the signed refund webhook.',
    eventPattern: {
      source: [PAYMENTS_EVENTS.unappliedCashRefundRequested.source],
      detailType: [PAYMENTS_EVENTS.unappliedCashRefundRequested.detailType],
    },
    handlerEntry: 'functions/payments/request-unapplied-cash-refund.ts',
    functionTimeoutSeconds: 30,
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read', 'queue:send-dead-letter'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;

/** The payments context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
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

} as const satisfies Record<string, IntegrationDefinition>;

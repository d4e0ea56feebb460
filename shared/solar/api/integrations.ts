/** The solar context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
import { SOLAR_EVENTS } from './events.ts';

export const solarIntegrations = {
  secConsumptionImport: defineIntegration({
    id: 'sec-consumption-import',
    description: 'Calls SEC for each linked electricity account and stores its last 12 months of consumption.',
    eventPattern: {
      source: [SOLAR_EVENTS.electricityAccountLinked.source],
      detailType: [SOLAR_EVENTS.electricityAccountLinked.detailType],
    },
    handlerEntry: 'functions/solar/import-electricity-consumption.ts',
    // Three SEC attempts of at most 5 s each plus backoff fit well inside this.
    functionTimeoutSeconds: 30,
    // SEC is a national utility's service: cap our concurrent calls to it, as for SIMAH.
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read', 'table:write', 'pii:decrypt', 'queue:send-dead-letter'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;

/** The platform context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
import { PLATFORM_EVENTS } from './events.ts';

export const platformIntegrations = {
  pipelineCanary: defineIntegration({
    id: 'pipeline-canary',
    description:
      'Records the arrival of canary events, proving that the outbox, stream, pipe, bus, rule and queue deliver end to end.',
    eventPattern: {
      source: [PLATFORM_EVENTS.pipelineCanaryEmitted.source],
      detailType: [PLATFORM_EVENTS.pipelineCanaryEmitted.detailType],
    },
    handlerEntry: 'functions/platform/record-canary-arrival.ts',
    functionTimeoutSeconds: 10,
    maximumConcurrency: 2,
    queue: { batchSize: 10, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:write'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;

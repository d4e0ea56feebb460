/** The credit context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
import { CREDIT_EVENTS } from './events.ts';

export const creditIntegrations = {
  simahCreditAssessment: defineIntegration({
    id: 'simah-credit-assessment',
    description: 'Calls SIMAH for each requested credit assessment, maps the report to a risk category and settles the assessment.',
    eventPattern: {
      source: [CREDIT_EVENTS.creditAssessmentRequested.source],
      detailType: [CREDIT_EVENTS.creditAssessmentRequested.detailType],
    },
    handlerEntry: 'functions/credit/run-credit-assessment.ts',
    // Three SIMAH attempts of at most 5 s each plus backoff fit well inside this.
    functionTimeoutSeconds: 30,
    // SIMAH is a shared national service: cap our concurrent calls to it.
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read', 'table:write', 'pii:decrypt', 'queue:send-dead-letter'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;

/**
 * The integration table: the single source of truth for asynchronous work.
 * Each integration is an EventBridge rule on the platform bus feeding one SQS queue (with a DLQ) drained by one
 * consumer Lambda. The CDK integrations stack and the local runtime both build from this table.
 */
import type { Permission } from '../kernel/deployment/permissions.ts';
import { EVENT_TYPES } from './events.ts';

export interface IntegrationQueueSettings {
  /** Messages handed to one consumer invocation. */
  readonly batchSize: number;
  /** How long Lambda waits to fill a batch. */
  readonly maxBatchingWindowSeconds: number;
  /** Deliveries before a message moves to the DLQ. */
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
}

export interface IntegrationDefinition {
  /** kebab-case id; names the queue, DLQ, rule and function. */
  readonly id: string;
  readonly description: string;
  /** EventBridge pattern matched on the platform bus. */
  readonly eventPattern: { readonly source: readonly string[]; readonly detailType: readonly string[] };
  /** Module exporting `handler`, relative to the project root. */
  readonly handlerEntry: `functions/${string}.ts`;
  readonly functionTimeoutSeconds: number;
  /** Upper bound on concurrent consumer invocations, protecting the downstream government service. */
  readonly maximumConcurrency: number;
  readonly queue: IntegrationQueueSettings;
  readonly permissions: readonly Permission[];
}

/**
 * AWS advises a queue visibility timeout of at least six times the consumer's timeout, so that a batch still
 * being retried inside Lambda is not handed to a second consumer.
 */
export const VISIBILITY_TIMEOUT_TO_FUNCTION_TIMEOUT_RATIO = 6;

export function queueVisibilityTimeoutSeconds(integration: IntegrationDefinition): number {
  return integration.functionTimeoutSeconds * VISIBILITY_TIMEOUT_TO_FUNCTION_TIMEOUT_RATIO;
}

function defineIntegration<const TIntegration extends IntegrationDefinition>(integration: TIntegration): TIntegration {
  return integration;
}

export const integrations = {
  pipelineCanary: defineIntegration({
    id: 'pipeline-canary',
    description:
      'Records the arrival of canary events, proving that the outbox, stream, pipe, bus, rule and queue deliver end to end.',
    eventPattern: {
      source: [EVENT_TYPES.pipelineCanaryEmitted.source],
      detailType: [EVENT_TYPES.pipelineCanaryEmitted.detailType],
    },
    handlerEntry: 'functions/platform/record-canary-arrival.ts',
    functionTimeoutSeconds: 10,
    maximumConcurrency: 2,
    queue: { batchSize: 10, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:write'],
  }),
  simahCreditAssessment: defineIntegration({
    id: 'simah-credit-assessment',
    description: 'Calls SIMAH for each requested credit assessment, maps the report to a risk category and settles the assessment.',
    eventPattern: {
      source: [EVENT_TYPES.creditAssessmentRequested.source],
      detailType: [EVENT_TYPES.creditAssessmentRequested.detailType],
    },
    handlerEntry: 'functions/credit/run-credit-assessment.ts',
    // Three SIMAH attempts of at most 5 s each plus backoff fit well inside this.
    functionTimeoutSeconds: 30,
    // SIMAH is a shared national service: cap our concurrent calls to it.
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read', 'table:write', 'pii:decrypt', 'queue:send-dead-letter'],
  }),
  paymentGatewayCheckout: defineIntegration({
    id: 'payment-gateway-checkout',
    description: 'Opens a gateway checkout for each payment intent; the gateway confirms or fails it through the signed webhook.',
    eventPattern: {
      source: [EVENT_TYPES.paymentIntentCreated.source],
      detailType: [EVENT_TYPES.paymentIntentCreated.detailType],
    },
    handlerEntry: 'functions/payments/open-gateway-checkout.ts',
    functionTimeoutSeconds: 15,
    maximumConcurrency: 10,
    queue: { batchSize: 10, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;

export const integrationList: readonly IntegrationDefinition[] = Object.values(integrations);

/**
 * What an integration is: an EventBridge rule on the platform bus feeding one SQS queue (with a DLQ) drained by one
 * consumer Lambda. Each context declares its integrations in `<context>/api/integrations.ts`; the catalogue joins
 * them for the CDK integrations stack and the local runtime.
 */
import type { Permission } from '../deployment/permissions.ts';

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

export function defineIntegration<const TIntegration extends IntegrationDefinition>(integration: TIntegration): TIntegration {
  return integration;
}

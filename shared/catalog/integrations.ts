/**
 * Every integration, joined from the contexts that declare them: the single source of truth for asynchronous work,
 * from which the CDK integrations stack and the local runtime both build. Joining refuses a name two contexts use.
 */
import { creditIntegrations } from '../credit/api/integrations.ts';
import type { IntegrationDefinition } from '../kernel/messaging/integration.ts';
import { paymentsIntegrations } from '../payments/api/integrations.ts';
import { platformIntegrations } from '../platform/api/integrations.ts';
import { solarIntegrations } from '../solar/api/integrations.ts';
import { contractorsIntegrations } from '../contractors/api/integrations.ts';
import { projectsIntegrations } from '../projects/api/integrations.ts';
import { joinDeclarations } from './join.ts';

export const integrations = joinDeclarations<IntegrationDefinition>('integration', {
  platform: platformIntegrations,
  credit: creditIntegrations,
  payments: paymentsIntegrations,
  solar: solarIntegrations,
  contractors: contractorsIntegrations,
  projects: projectsIntegrations,
}) as typeof platformIntegrations & typeof creditIntegrations & typeof paymentsIntegrations & typeof solarIntegrations & typeof contractorsIntegrations & typeof projectsIntegrations;

export const integrationList: readonly IntegrationDefinition[] = Object.values(integrations);
export { queueVisibilityTimeoutSeconds, VISIBILITY_TIMEOUT_TO_FUNCTION_TIMEOUT_RATIO, type IntegrationDefinition, type IntegrationQueueSettings } from '../kernel/messaging/integration.ts';

import { randomUUID } from 'node:crypto';
import { provisionLocalResources, type ProvisionedResources } from '../../lib/local/provision.ts';
import { PLATFORM_ENVIRONMENT_VARIABLES } from '../../shared/kernel/config/platform-config.ts';

/**
 * Provisions a fresh, uniquely named table, bus, queues and application keys on the local engines and points the
 * adapters' configuration at them, for integration tests that drive use-cases directly.
 */
export async function provisionTestPlatform(): Promise<ProvisionedResources> {
  const resources = await provisionLocalResources(`i${randomUUID().slice(0, 8)}`);
  Object.assign(process.env, resources.keyEnvironment, {
    [PLATFORM_ENVIRONMENT_VARIABLES.tableName]: resources.tableName,
    [PLATFORM_ENVIRONMENT_VARIABLES.eventBusName]: resources.eventBusName,
  });
  return resources;
}

/**
 * Vitest global setup for the integration and e2e projects: starts the local engines once for the whole run
 * (both projects share them through a process-wide handle) and exposes their endpoints to the test workers
 * through the standard AWS_ENDPOINT_URL_* variables, which workers inherit when they are forked.
 */
import { applyEndpointsToEnvironment, startLocalCloud, type RunningLocalCloud } from '../../lib/local/local-cloud.ts';

interface SharedEngines {
  cloud: Promise<RunningLocalCloud>;
  users: number;
}

const HANDLE = Symbol.for('rabhan.test.local-cloud');
const shared = globalThis as typeof globalThis & { [HANDLE]?: SharedEngines };

export default async function setup(): Promise<() => Promise<void>> {
  const engines = (shared[HANDLE] ??= { cloud: startLocalCloud(), users: 0 });
  engines.users += 1;
  const cloud = await engines.cloud;
  applyEndpointsToEnvironment(cloud.endpoints);
  return async () => {
    engines.users -= 1;
    if (engines.users === 0) {
      delete shared[HANDLE];
      await cloud.stop();
    }
  };
}

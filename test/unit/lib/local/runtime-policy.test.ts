import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../lib/local/local-logger.ts';
import { startLocalRuntime } from '../../../../lib/local/runtime.ts';

describe('the local runtime', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to start with a policy value out of its range, before it provisions or serves anything', async () => {
    vi.stubEnv('POLICY_COOLING_OFF_SECONDS', '0');

    await expect(startLocalRuntime({ port: 0, resourcePrefix: 'policy-check', appVersion: 'test', logger: silentLogger })).rejects.toThrow(
      'POLICY_COOLING_OFF_SECONDS (-c policy.coolingOffSeconds) must be an integer from 1 to 2592000',
    );
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpEvent, testContext } from '../../support/http-events.ts';

/** The platform settings every function receives, so that only the policy value decides the outcome. */
const PLATFORM = { TABLE_NAME: 'rabhan-test', EVENT_BUS_NAME: 'rabhan-test', AWS_REGION: 'me-central-1' };

describe('plan functions building their dependencies', () => {
  beforeEach(() => {
    vi.resetModules();
    for (const [name, value] of Object.entries(PLATFORM)) vi.stubEnv(name, value);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('import without reading configuration, then fail their first invocation loudly on an installment maximum above what schedules support', async () => {
    vi.stubEnv('POLICY_INSTALLMENT_COUNT_MAX', '121');
    const { lendingDeps } = await import('../../../shared/lending/compose.ts');
    const { handler } = await import('../../../functions/lending/create-offer.ts');

    expect(() => lendingDeps()).toThrow('POLICY_INSTALLMENT_COUNT_MAX (-c policy.installmentCountMax) must be an integer from 1 to 120');
    const event = httpEvent({
      method: 'POST',
      path: '/v1/plans/offers',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amountHalalas: 100_000, installmentCount: 4 }),
      authorizer: { principalId: '01JABCDEFGHJKMNPQRSTVWXYZ0', roles: 'customer' },
    });
    const response = await handler(event, testContext());
    expect(response.statusCode).toBe(500);
  });

  it('fail at once on an exposure limit beyond the SAMA rule that no SAMA circular allows', async () => {
    vi.stubEnv('POLICY_EXPOSURE_LIMIT_HALALAS', '10000000');
    const { lendingDeps } = await import('../../../shared/lending/compose.ts');

    expect(() => lendingDeps()).toThrow('above the SAMA rule of 500000');
  });

  it('carry the checked policy, SADAD lifetime included, when every value is in range', async () => {
    vi.stubEnv('POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS', '172800');
    const { lendingDeps } = await import('../../../shared/lending/compose.ts');

    expect(lendingDeps().plans.paymentIntentTtlSecondsByMethod).toMatchObject({ MADA: 7_200, SADAD: 172_800 });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

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

  it('fail at once on an installment maximum above what schedules support, instead of answering every offer 500', async () => {
    vi.stubEnv('POLICY_INSTALLMENT_COUNT_MAX', '121');
    const { planDeps } = await import('../../../shared/lending/compose.ts');

    expect(() => planDeps()).toThrow('POLICY_INSTALLMENT_COUNT_MAX (-c policy.installmentCountMax) must be an integer from 1 to 120');
    await expect(import('../../../functions/lending/create-offer.ts')).rejects.toThrow('POLICY_INSTALLMENT_COUNT_MAX');
  });

  it('fail at once on an exposure limit beyond the SAMA rule that no SAMA circular allows', async () => {
    vi.stubEnv('POLICY_EXPOSURE_LIMIT_HALALAS', '10000000');
    const { planDeps } = await import('../../../shared/lending/compose.ts');

    expect(() => planDeps()).toThrow('above the SAMA rule of 500000');
  });

  it('carry the checked policy, SADAD lifetime included, when every value is in range', async () => {
    vi.stubEnv('POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS', '172800');
    const { planDeps } = await import('../../../shared/lending/compose.ts');

    expect(planDeps().plans.paymentIntentTtlSecondsByMethod).toMatchObject({ MADA: 7_200, SADAD: 172_800 });
  });
});

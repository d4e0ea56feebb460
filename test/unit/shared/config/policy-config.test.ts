import { describe, expect, it } from 'vitest';
import { loadLendingPolicy, loadPlanPolicy } from '../../../../shared/config/policy-config.ts';
import { DEFAULT_LENDING_POLICY } from '../../../../shared/domain/policy.ts';
import { DEFAULT_PLAN_POLICY } from '../../../../shared/use-cases/plans/plans.ts';

describe('policy configuration', () => {
  it('is the documented defaults when nothing is overridden', () => {
    expect(loadLendingPolicy({})).toEqual(DEFAULT_LENDING_POLICY);
    expect(loadPlanPolicy({})).toEqual(DEFAULT_PLAN_POLICY);
  });

  it('takes each overridden value from its variable', () => {
    const environment = { POLICY_RESIDENCY: 'citizens-and-residents', POLICY_EXPOSURE_LIMIT_HALALAS: '400000', POLICY_OFFER_TTL_SECONDS: '600', POLICY_COOLING_OFF_SECONDS: '86400' };

    expect(loadLendingPolicy(environment)).toMatchObject({ residency: 'citizens-and-residents', exposureLimitHalalas: 400_000 });
    expect(loadPlanPolicy(environment)).toEqual({ ...DEFAULT_PLAN_POLICY, offerTtlSeconds: 600, coolingOffSeconds: 86_400 });
  });

  it('refuses a value that is not a positive integer or not a known residency policy', () => {
    expect(() => loadPlanPolicy({ POLICY_COOLING_OFF_SECONDS: '1.5' })).toThrow('POLICY_COOLING_OFF_SECONDS must be a positive integer');
    expect(() => loadLendingPolicy({ POLICY_INSTALLMENT_COUNT_MAX: '0' })).toThrow('POLICY_INSTALLMENT_COUNT_MAX must be a positive integer');
    expect(() => loadLendingPolicy({ POLICY_RESIDENCY: 'everyone' })).toThrow('POLICY_RESIDENCY must be one of');
  });
});

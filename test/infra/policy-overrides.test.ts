import { describe, expect, it } from 'vitest';
import { addRabhanStacks, createRabhanApp } from '../../lib/rabhan-app.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { functionsByHandlerEntry, templateOf, TEST_TARGET } from './support/test-app.ts';

function appWithContext(context: Record<string, string>) {
  const app = createRabhanApp({ context: { 'rabhan:bundling': 'inline', ...context } });
  return { app, build: () => addRabhanStacks(app, TEST_TARGET, { bundling: 'inline' }) };
}

describe('policy overrides', () => {
  it('reach every function as environment variables from -c policy.<name>=<value>, with the SAMA circular that allows them', () => {
    const { build } = appWithContext({
      'policy.residency': 'citizens-and-residents',
      'policy.coolingOffSeconds': '86400',
      'policy.sadadPaymentIntentTtlSeconds': '172800',
      'policy.exposureLimitHalalas': '10000000',
      'policy.samaCircular': '45063454',
    });

    const stacks = build();
    const functions = [stacks.routeFunctions, stacks.api, stacks.integrations].flatMap((stack) => [...functionsByHandlerEntry(templateOf(stack)).values()].map(({ resource }) => resource));

    expect(functions.length).toBeGreaterThan(routeList.length);
    for (const fn of functions) {
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        POLICY_RESIDENCY: 'citizens-and-residents',
        POLICY_COOLING_OFF_SECONDS: '86400',
        POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS: '172800',
        POLICY_EXPOSURE_LIMIT_HALALAS: '10000000',
        POLICY_SAMA_CIRCULAR: '45063454',
      });
    }
  });

  it('refuse to synthesize with a value outside its range, naming the variable and the range', () => {
    const { build } = appWithContext({ 'policy.exposureLimitHalalas': '-5' });

    expect(build).toThrow("POLICY_EXPOSURE_LIMIT_HALALAS (-c policy.exposureLimitHalalas) must be an integer from 10000 to 20000000, got '-5'");
  });

  it('refuse to synthesize a value beyond a SAMA rule unless policy.samaCircular names the circular that allows it', () => {
    expect(appWithContext({ 'policy.exposureLimitHalalas': '10000000' }).build).toThrow('above the SAMA rule of 500000; set POLICY_SAMA_CIRCULAR (-c policy.samaCircular=<reference>)');
    expect(appWithContext({ 'policy.installmentCountMax': '13' }).build).toThrow('above the SAMA rule of 12');
  });

  it('refuse an installment maximum the schedules cannot honour, even with a SAMA circular', () => {
    const { build } = appWithContext({ 'policy.installmentCountMax': '121', 'policy.samaCircular': '45063454' });

    expect(build).toThrow('POLICY_INSTALLMENT_COUNT_MAX (-c policy.installmentCountMax) must be an integer from 1 to 120');
  });

  it('refuse a policy context key that names no policy value, rather than deploying the default', () => {
    const { build } = appWithContext({ 'policy.coolingOfSeconds': '86400' });

    expect(build).toThrow('Unknown policy context policy.coolingOfSeconds');
  });
});

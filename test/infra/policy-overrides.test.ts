import { describe, expect, it } from 'vitest';
import { addRabhanStacks, createRabhanApp } from '../../lib/rabhan-app.ts';
import { routeList } from '../../shared/platform/routes.ts';
import { functionsByHandlerEntry, templateOf, TEST_TARGET } from './support/test-app.ts';

function appWithContext(context: Record<string, string>) {
  const app = createRabhanApp({ context: { 'rabhan:bundling': 'inline', ...context } });
  return { app, build: () => addRabhanStacks(app, TEST_TARGET, { bundling: 'inline' }) };
}

describe('policy overrides', () => {
  it('reach every function as environment variables from -c policy.<name>=<value>', () => {
    const { build } = appWithContext({ 'policy.residency': 'citizens-and-residents', 'policy.coolingOffSeconds': '86400' });

    const stacks = build();
    const functions = [stacks.api, stacks.integrations].flatMap((stack) => [...functionsByHandlerEntry(templateOf(stack)).values()].map(({ resource }) => resource));

    expect(functions.length).toBeGreaterThan(routeList.length);
    for (const fn of functions) {
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({ POLICY_RESIDENCY: 'citizens-and-residents', POLICY_COOLING_OFF_SECONDS: '86400' });
    }
  });

  it('refuse to synthesize with a value the functions would reject, naming the variable', () => {
    const { build } = appWithContext({ 'policy.exposureLimitHalalas': '-5' });

    expect(build).toThrow('POLICY_EXPOSURE_LIMIT_HALALAS must be a positive integer');
  });
});

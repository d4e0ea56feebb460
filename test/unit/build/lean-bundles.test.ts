import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_BUNDLE_OPTIONS } from '../../../lib/constructs/rabhan-function.ts';
import { PROJECT_ROOT } from '../../../lib/local/handler-modules.ts';
import { integrationList } from '../../../shared/catalog/integrations.ts';
import { routeList } from '../../../shared/catalog/routes.ts';
import { scheduledJobList } from '../../../shared/catalog/schedules.ts';
import type { Permission } from '../../../shared/kernel/deployment/permissions.ts';

/** Every deployed business function with the permissions its route, integration or job declares. */
const FUNCTIONS: ReadonlyMap<string, readonly Permission[]> = new Map(
  [...routeList, ...integrationList, ...scheduledJobList].map((definition) => [definition.handlerEntry, definition.permissions] as const),
);
const PERSONAL_DATA: readonly Permission[] = ['pii:encrypt', 'pii:decrypt'];
const TOKEN_KEYS: readonly Permission[] = ['token:sign', 'token:read-public-key'];

/** The npm packages each function's bundle holds, bundled exactly as the CDK construct bundles it. */
const packagesByFunction = new Map<string, ReadonlySet<string>>();

beforeAll(async () => {
  for (const entry of FUNCTIONS.keys()) {
    const result = await build({
      entryPoints: [path.join(PROJECT_ROOT, entry)],
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      outfile: 'bundle.mjs',
      logLevel: 'silent',
      ...FUNCTION_BUNDLE_OPTIONS,
      external: [...FUNCTION_BUNDLE_OPTIONS.external],
      mainFields: [...FUNCTION_BUNDLE_OPTIONS.mainFields],
      banner: { js: FUNCTION_BUNDLE_OPTIONS.banner },
    });
    const inputs = Object.keys(Object.values(result.metafile.outputs)[0]!.inputs);
    packagesByFunction.set(entry, new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? [])));
  }
}, 180_000);

const holds = (entry: string, prefix: string): boolean => [...packagesByFunction.get(entry)!].some((name) => name.startsWith(prefix));

describe('each function bundles only what its route or consumer uses', () => {
  it('keeps the AWS Encryption SDK out of every function that neither encrypts nor decrypts personal data', () => {
    const withoutPersonalData = [...FUNCTIONS].filter(([, permissions]) => !permissions.some((permission) => PERSONAL_DATA.includes(permission)));
    expect(withoutPersonalData.length).toBeGreaterThan(10);
    expect(withoutPersonalData.filter(([entry]) => holds(entry, '@aws-crypto/')).map(([entry]) => entry)).toEqual([]);
  });

  it('keeps the KMS client out of every function that uses no KMS key (personal data, blind index or token keys)', () => {
    const withoutKeys = [...FUNCTIONS].filter(([, permissions]) => !permissions.some((permission) => [...PERSONAL_DATA, 'pii:blind-index', ...TOKEN_KEYS].includes(permission)));
    expect(withoutKeys.length).toBeGreaterThan(10);
    expect(withoutKeys.filter(([entry]) => holds(entry, '@aws-sdk/client-kms')).map(([entry]) => entry)).toEqual([]);
  });

  it('gives the functions that do handle personal data the Encryption SDK, so the check above is not vacuous', () => {
    const withPersonalData = [...FUNCTIONS].filter(([, permissions]) => permissions.some((permission) => PERSONAL_DATA.includes(permission)));
    expect(withPersonalData.length).toBeGreaterThan(0);
    for (const [entry] of withPersonalData) expect(holds(entry, '@aws-crypto/'), entry).toBe(true);
  });
});

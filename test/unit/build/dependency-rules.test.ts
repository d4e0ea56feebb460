/**
 * The lint step enforces the bounded-context import rules (.dependency-cruiser.cjs). Each rule is proved against a
 * throw-away fixture that mirrors the layout (a kernel, contexts alpha and beta, a catalogue, handlers, lib/ and bin/):
 * one probe file per deliberately bad import, next to the good imports the same rule must let through. The fixture
 * is cruised once, with the repo's own configuration, and each test reads the verdict on one import.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG = resolve('.dependency-cruiser.cjs');

const FIXTURE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      verbatimModuleSyntax: true,
    },
    include: ['bin', 'lib', 'functions', 'shared'],
  }),

  // The kernel: pure files, errors/, a non-pure folder (http/) and an adapter folder (storage/).
  'shared/kernel/money.ts': 'export type Money = { readonly halalas: bigint };\n',
  'shared/kernel/calendar-date.ts': 'export type CalendarDate = string;\n',
  'shared/kernel/errors/domain-error.ts': 'export class DomainError extends Error {}\n',
  'shared/kernel/http/respond.ts':
    "import { DomainError } from '../errors/domain-error.ts';\nimport type { Money } from '../money.ts';\n" +
    'export const respond = (body: Money | DomainError): string => String(body);\n',
  'shared/kernel/storage/document-client.ts':
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nexport const createDocumentClient = (): typeof DynamoDBDocumentClient => DynamoDBDocumentClient;\n",
  'shared/kernel/http/context-probe.ts': "export { openPlan } from '../../alpha/index.ts';\n",
  'shared/kernel/catalog-probe.ts': "export { routes } from '../catalog/routes.ts';\n",
  'shared/kernel/http/sdk-probe.ts': "export { SQSClient } from '@aws-sdk/client-sqs';\n",

  // Context alpha: a well-formed context.
  'shared/alpha/domain/schedule.ts': "import type { CalendarDate } from '../../kernel/calendar-date.ts';\nexport type Schedule = readonly CalendarDate[];\n",
  'shared/alpha/domain/plan.ts':
    "import { randomUUID } from 'node:crypto';\nimport type { Money } from '../../kernel/money.ts';\n" +
    "import { DomainError } from '../../kernel/errors/domain-error.ts';\nimport type { Schedule } from './schedule.ts';\n" +
    'export type Plan = { id: string; principal: Money; schedule: Schedule };\n' +
    'export const newPlanId = (): string => randomUUID();\nexport const refuse = (): never => { throw new DomainError(); };\n',
  'shared/alpha/app/open-plan.ts': "import { newPlanId } from '../domain/plan.ts';\nexport const openPlan = (): string => newPlanId();\n",
  'shared/alpha/adapters/plan-store.ts':
    "import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nexport type PlanStore = { client: DynamoDBDocumentClient };\n",
  'shared/alpha/api/routes.ts': "export const alphaRoutes = ['GET /plans'];\n",
  'shared/alpha/api/contracts.ts': "export const planContract = 'plan';\n",
  'shared/alpha/compose.ts':
    "import { createDocumentClient } from '../kernel/storage/document-client.ts';\nimport type { PlanStore } from './adapters/plan-store.ts';\n" +
    "export { openPlan } from './app/open-plan.ts';\nexport const wire = (): [unknown, PlanStore | undefined] => [createDocumentClient(), undefined];\n",
  'shared/alpha/index.ts': "export type { Plan } from './domain/plan.ts';\nexport { openPlan } from './app/open-plan.ts';\n",
  'shared/alpha/domain/sdk-probe.ts': "import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport type Probe = DynamoDBClient;\n",
  'shared/alpha/domain/zod-probe.ts': "import { z } from 'zod';\nexport const probe = z.string();\n",
  'shared/alpha/domain/app-probe.ts': "export { openPlan } from '../app/open-plan.ts';\n",
  'shared/alpha/domain/adapter-type-probe.ts': "import type { PlanStore } from '../adapters/plan-store.ts';\nexport type Probe = PlanStore;\n",
  'shared/alpha/domain/impure-kernel-probe.ts': "export { respond } from '../../kernel/http/respond.ts';\n",
  'shared/alpha/domain/other-domain-probe.ts': "export type { Rate } from '../../beta/domain/rate.ts';\n",
  'shared/alpha/app/sdk-probe.ts': "export { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n",
  'shared/alpha/api/sdk-probe.ts': "export { buildEncrypt } from '@aws-crypto/encrypt-node';\n",
  'shared/alpha/api/catalog-probe.ts': "export { routes } from '../../catalog/routes.ts';\n",

  // Context beta: meets alpha through its index, except in the probes.
  'shared/beta/domain/rate.ts': "import type { Money } from '../../kernel/money.ts';\nexport type Rate = { perMonth: Money };\n",
  'shared/beta/app/quote.ts':
    "import { openPlan } from '../../alpha/index.ts';\nimport type { Rate } from '../domain/rate.ts';\n" +
    'export const quote = (rate: Rate): [string, Rate] => [openPlan(), rate];\n',
  'shared/beta/index.ts': "export type { Rate } from './domain/rate.ts';\nexport { quote } from './app/quote.ts';\n",
  'shared/beta/compose.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = (): DynamoDBClient => new DynamoDBClient({});\n",
  'shared/beta/app/domain-reach-probe.ts': "export type { Plan } from '../../alpha/domain/plan.ts';\n",
  'shared/beta/app/compose-reach-probe.ts': "export { wire } from '../../alpha/compose.ts';\n",

  // Contexts gamma and delta import each other, both properly through their index files; one side type-only.
  'shared/gamma/index.ts': "import type { Delta } from '../delta/index.ts';\nexport type Gamma = { delta?: Delta };\n",
  'shared/delta/index.ts': "import type { Gamma } from '../gamma/index.ts';\nexport type Delta = { gamma?: Gamma };\n",

  // The catalogue joins contexts; lib/ reads it.
  'shared/catalog/routes.ts': "import { alphaRoutes } from '../alpha/api/routes.ts';\nexport const routes = [...alphaRoutes];\n",

  // Handlers.
  'functions/alpha/open-plan.ts':
    "import { openPlan } from '../../shared/alpha/app/open-plan.ts';\nimport { wire } from '../../shared/alpha/compose.ts';\n" +
    "import { planContract } from '../../shared/alpha/api/contracts.ts';\n" +
    "import { quote } from '../../shared/beta/index.ts';\nimport { respond } from '../../shared/kernel/http/respond.ts';\n" +
    "import { routes } from '../../shared/catalog/routes.ts';\n" +
    'export const handler = (): unknown[] => [openPlan, wire, planContract, quote, respond, routes];\n',
  'functions/alpha/adapter-probe.ts': "export type { PlanStore } from '../../shared/alpha/adapters/plan-store.ts';\n",
  'functions/alpha/sdk-probe.ts': "export { SQSClient } from '@aws-sdk/client-sqs';\n",
  'functions/alpha/app-probe.ts': "export { quote } from '../../shared/beta/app/quote.ts';\n",
  'functions/alpha/compose-probe.ts': "export { client } from '../../shared/beta/compose.ts';\n",
  'functions/alpha/domain-probe.ts': "export type { Plan } from '../../shared/alpha/domain/plan.ts';\n",

  // Infrastructure and tooling may use the SDK.
  'lib/stack.ts': "import { routes } from '../shared/catalog/routes.ts';\nimport { KMSClient } from '@aws-sdk/client-kms';\nexport const stack = [routes, KMSClient];\n",
  'bin/tool.ts': "import { SQSClient } from '@aws-sdk/client-sqs';\nexport const tool = SQSClient;\n",
};

const AWS = (pkg: string): RegExp => new RegExp(`(^|/)node_modules/@aws-(sdk|crypto)/${pkg}/`);

let fixtureDir: string;
let result: ICruiseResult;

beforeAll(async () => {
  fixtureDir = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  for (const [path, content] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(fixtureDir, path)), { recursive: true });
    writeFileSync(join(fixtureDir, path), content);
  }
  // Bare specifiers (@aws-sdk/*, zod) resolve to the repo's installed packages, as they would in the real tree.
  symlinkSync(resolve('node_modules'), join(fixtureDir, 'node_modules'), 'dir');

  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfigFile = join(fixtureDir, 'tsconfig.json');
  const output = await cruise(
    ['shared', 'functions', 'lib', 'bin'],
    { ...options, baseDir: fixtureDir, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  result = output.output as ICruiseResult;
}, 20_000);

afterAll(() => {
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

/** The rules the cruise reports on the import from `from` to the module matching `to`; throws if there is no such import. */
function verdict(from: string, to: string | RegExp): string[] {
  const matches = (resolved: string): boolean => (typeof to === 'string' ? resolved === to : to.test(resolved));
  const module = result.modules.find((candidate) => candidate.source === from);
  if (!module) throw new Error(`${from} was not cruised`);
  if (!module.dependencies.some((dependency) => matches(dependency.resolved))) {
    throw new Error(`${from} has no import of ${String(to)}: ${module.dependencies.map((d) => d.resolved).join(', ')}`);
  }
  return result.summary.violations
    .filter((violation) => violation.from === from && matches(violation.to))
    .map((violation) => violation.rule.name)
    .sort();
}

describe('the dependency rules of the bounded-context layout', () => {
  it('gives every rule a comment that says why, and makes every rule an error', async () => {
    const config = (await import(CONFIG)) as { default: IConfiguration };
    const forbidden = config.default.forbidden ?? [];

    expect(forbidden.map((rule) => rule.name)).toEqual([
      'kernel-knows-no-context',
      'domain-is-pure',
      'aws-sdk-only-in-adapters',
      'contexts-meet-through-index',
      'handlers-stay-thin',
      'contexts-do-not-import-the-catalog',
      'no-cycles-between-contexts',
    ]);
    for (const rule of forbidden) {
      expect(rule.severity, rule.name).toBe('error');
      expect(rule.comment?.length ?? 0, rule.name).toBeGreaterThan(80);
    }
  });

  describe('kernel-knows-no-context', () => {
    it('refuses a kernel module that imports a context, even through its index', () => {
      expect(verdict('shared/kernel/http/context-probe.ts', 'shared/alpha/index.ts')).toEqual(['kernel-knows-no-context']);
    });

    it('refuses a kernel module that imports the catalogue', () => {
      expect(verdict('shared/kernel/catalog-probe.ts', 'shared/catalog/routes.ts')).toEqual([
        'contexts-do-not-import-the-catalog',
        'kernel-knows-no-context',
      ]);
    });

    it('lets a kernel module import the rest of the kernel', () => {
      expect(verdict('shared/kernel/http/respond.ts', 'shared/kernel/errors/domain-error.ts')).toEqual([]);
      expect(verdict('shared/kernel/http/respond.ts', 'shared/kernel/money.ts')).toEqual([]);
    });
  });

  describe('domain-is-pure', () => {
    it('refuses a domain module that imports the AWS SDK, even for a type', () => {
      expect(verdict('shared/alpha/domain/sdk-probe.ts', AWS('client-dynamodb'))).toEqual(['aws-sdk-only-in-adapters', 'domain-is-pure']);
    });

    it('refuses a domain module that imports any npm package', () => {
      expect(verdict('shared/alpha/domain/zod-probe.ts', /(^|\/)node_modules\/zod\//)).toEqual(['domain-is-pure']);
    });

    it("refuses a domain module that imports its own context's use-cases or, type-only, its adapters", () => {
      expect(verdict('shared/alpha/domain/app-probe.ts', 'shared/alpha/app/open-plan.ts')).toEqual(['domain-is-pure']);
      expect(verdict('shared/alpha/domain/adapter-type-probe.ts', 'shared/alpha/adapters/plan-store.ts')).toEqual(['domain-is-pure']);
    });

    it('refuses a domain module that imports a part of the kernel that is not pure', () => {
      expect(verdict('shared/alpha/domain/impure-kernel-probe.ts', 'shared/kernel/http/respond.ts')).toEqual(['domain-is-pure']);
    });

    it("refuses a domain module that imports another context's domain", () => {
      expect(verdict('shared/alpha/domain/other-domain-probe.ts', 'shared/beta/domain/rate.ts')).toEqual([
        'contexts-meet-through-index',
        'domain-is-pure',
      ]);
    });

    it("lets a domain module import its own domain, the kernel's pure files and errors, and node: built-ins", () => {
      expect(verdict('shared/alpha/domain/plan.ts', 'shared/alpha/domain/schedule.ts')).toEqual([]);
      expect(verdict('shared/alpha/domain/plan.ts', 'shared/kernel/money.ts')).toEqual([]);
      expect(verdict('shared/alpha/domain/plan.ts', 'shared/kernel/errors/domain-error.ts')).toEqual([]);
      expect(verdict('shared/alpha/domain/plan.ts', /^(node:)?crypto$/)).toEqual([]);
      expect(verdict('shared/alpha/domain/schedule.ts', 'shared/kernel/calendar-date.ts')).toEqual([]);
    });
  });

  describe('aws-sdk-only-in-adapters', () => {
    it('refuses a use-case that imports the AWS SDK', () => {
      expect(verdict('shared/alpha/app/sdk-probe.ts', AWS('lib-dynamodb'))).toEqual(['aws-sdk-only-in-adapters']);
    });

    it('refuses an api module that imports the AWS Encryption SDK', () => {
      expect(verdict('shared/alpha/api/sdk-probe.ts', AWS('encrypt-node'))).toEqual(['aws-sdk-only-in-adapters']);
    });

    it('refuses a compose.ts that constructs an SDK client itself rather than through an adapter factory', () => {
      expect(verdict('shared/beta/compose.ts', AWS('client-dynamodb'))).toEqual(['aws-sdk-only-in-adapters']);
    });

    it('refuses a kernel module outside storage, crypto, messaging and idempotency that imports the AWS SDK', () => {
      expect(verdict('shared/kernel/http/sdk-probe.ts', AWS('client-sqs'))).toEqual(['aws-sdk-only-in-adapters']);
    });

    it("lets a context's adapters, the kernel's adapter folders, lib/ and bin/ import the AWS SDK", () => {
      expect(verdict('shared/alpha/adapters/plan-store.ts', AWS('lib-dynamodb'))).toEqual([]);
      expect(verdict('shared/kernel/storage/document-client.ts', AWS('lib-dynamodb'))).toEqual([]);
      expect(verdict('lib/stack.ts', AWS('client-kms'))).toEqual([]);
      expect(verdict('bin/tool.ts', AWS('client-sqs'))).toEqual([]);
    });

    it('lets compose.ts wire a client through a kernel factory', () => {
      expect(verdict('shared/alpha/compose.ts', 'shared/kernel/storage/document-client.ts')).toEqual([]);
      expect(verdict('shared/alpha/compose.ts', 'shared/alpha/adapters/plan-store.ts')).toEqual([]);
    });
  });

  describe('contexts-meet-through-index', () => {
    it("refuses a context that reaches into another context's domain", () => {
      expect(verdict('shared/beta/app/domain-reach-probe.ts', 'shared/alpha/domain/plan.ts')).toEqual(['contexts-meet-through-index']);
    });

    it("refuses a context that imports another context's compose.ts", () => {
      expect(verdict('shared/beta/app/compose-reach-probe.ts', 'shared/alpha/compose.ts')).toEqual(['contexts-meet-through-index']);
    });

    it("lets a context import another context's index.ts, its own internals and the kernel", () => {
      expect(verdict('shared/beta/app/quote.ts', 'shared/alpha/index.ts')).toEqual([]);
      expect(verdict('shared/beta/app/quote.ts', 'shared/beta/domain/rate.ts')).toEqual([]);
      expect(verdict('shared/beta/domain/rate.ts', 'shared/kernel/money.ts')).toEqual([]);
    });
  });

  describe('handlers-stay-thin', () => {
    it('refuses a handler that imports an adapter, even type-only', () => {
      expect(verdict('functions/alpha/adapter-probe.ts', 'shared/alpha/adapters/plan-store.ts')).toEqual(['handlers-stay-thin']);
    });

    it('refuses a handler that imports the AWS SDK', () => {
      expect(verdict('functions/alpha/sdk-probe.ts', AWS('client-sqs'))).toEqual(['aws-sdk-only-in-adapters', 'handlers-stay-thin']);
    });

    it("refuses a handler that imports another context's use-case instead of its own", () => {
      expect(verdict('functions/alpha/app-probe.ts', 'shared/beta/app/quote.ts')).toEqual(['handlers-stay-thin']);
    });

    it("refuses a handler that wires itself with another context's compose.ts", () => {
      expect(verdict('functions/alpha/compose-probe.ts', 'shared/beta/compose.ts')).toEqual(['handlers-stay-thin']);
    });

    it('refuses a handler that imports a domain module directly instead of calling a use-case', () => {
      expect(verdict('functions/alpha/domain-probe.ts', 'shared/alpha/domain/plan.ts')).toEqual(['handlers-stay-thin']);
    });

    it("lets a handler import its own context's use-cases and compose.ts, any context's api/ and index.ts, the kernel and the catalogue", () => {
      const handler = 'functions/alpha/open-plan.ts';
      expect(verdict(handler, 'shared/alpha/app/open-plan.ts')).toEqual([]);
      expect(verdict(handler, 'shared/alpha/compose.ts')).toEqual([]);
      expect(verdict(handler, 'shared/alpha/api/contracts.ts')).toEqual([]);
      expect(verdict(handler, 'shared/beta/index.ts')).toEqual([]);
      expect(verdict(handler, 'shared/kernel/http/respond.ts')).toEqual([]);
      expect(verdict(handler, 'shared/catalog/routes.ts')).toEqual([]);
    });
  });

  describe('contexts-do-not-import-the-catalog', () => {
    it('refuses a context that imports the catalogue', () => {
      expect(verdict('shared/alpha/api/catalog-probe.ts', 'shared/catalog/routes.ts')).toEqual(['contexts-do-not-import-the-catalog']);
    });

    it("lets the catalogue import a context's tables, and lib/ import the catalogue", () => {
      expect(verdict('shared/catalog/routes.ts', 'shared/alpha/api/routes.ts')).toEqual([]);
      expect(verdict('lib/stack.ts', 'shared/catalog/routes.ts')).toEqual([]);
    });
  });

  describe('no-cycles-between-contexts', () => {
    /** The modules on each reported cycle (dependency-cruiser reports a cycle once, from one of its modules). */
    const cycles = (): string[][] =>
      result.summary.violations
        .filter((violation) => violation.rule.name === 'no-cycles-between-contexts')
        .map((violation) => [violation.from, ...(violation.cycle ?? []).map((step) => step.name)]);

    it('refuses two contexts that import each other, even type-only and through their index files', () => {
      expect(verdict('shared/gamma/index.ts', 'shared/delta/index.ts')).not.toContain('contexts-meet-through-index');
      expect(cycles().map((cycle) => [...new Set(cycle)].sort())).toContainEqual(['shared/delta/index.ts', 'shared/gamma/index.ts']);
    });

    it('finds no cycle where imports only point one way', () => {
      expect(cycles()).toHaveLength(1);
    });
  });

  it('reports nothing but the probes: every violation in the fixture comes from a file written to break a rule', () => {
    const offenders = result.summary.violations
      .filter((violation) => violation.rule.name !== 'no-cycles-between-contexts')
      .map((violation) => violation.from);
    const probes = [...Object.keys(FIXTURE).filter((path) => path.includes('-probe.ts')), 'shared/beta/compose.ts'];
    expect([...new Set(offenders)].sort()).toEqual(probes.sort());
  });
});

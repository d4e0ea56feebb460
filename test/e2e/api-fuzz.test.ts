/**
 * Fuzzes the whole HTTP API with schemathesis against the local runtime: every operation of the published OpenAPI
 * document, with every check schemathesis has, signed in as a customer and, for the /v1/ops routes, as ops. Seed
 * and example count live in test/e2e/schemathesis.toml; docs/api-fuzzing.md says how to replay a failure.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/local/handler-modules.ts';
import { CACHE_DIRECTORY, installSchemathesis } from '../../lib/local/local-cloud.ts';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import type { Tokens } from '../support/api-client.ts';
import { assessedCustomer } from '../support/customer-setup.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { signIn } from '../support/sign-in.ts';

const CONFIG_FILE = path.join(PROJECT_ROOT, 'test', 'e2e', 'schemathesis.toml');
/** schemathesis keeps its cache and the JUnit report here, git-ignored; a failed run's report stays for reading. */
const WORK_DIRECTORY = path.join(CACHE_DIRECTORY, 'api-fuzz');
/**
 * The run takes about two minutes on an idle 2-core machine and 200 s beside the e2e journeys on the other core; past
 * this it is stopped and the test fails, so `npm test` stays bounded whatever the fuzzer meets.
 */
const FUZZ_RUN_MILLISECONDS_MAX = 360_000;

interface FuzzRun {
  readonly exitCode: number | null;
  readonly output: string;
}

/** Runs schemathesis as a child process: the runtime serves from this process, so it must not block. */
function runSchemathesis(command: string, baseUrl: string, customer: Tokens, ops: Tokens): Promise<FuzzRun> {
  mkdirSync(WORK_DIRECTORY, { recursive: true });
  const args = [
    '--config-file', CONFIG_FILE,
    'run', `${baseUrl}/v1/openapi.json`,
    '--checks', 'all',
    // schemathesis leaves out the operation that served the document unless a filter names it: this one names all.
    '--include-path-regex', '^/',
    '--report', 'junit', '--report-dir', WORK_DIRECTORY,
    '--no-color',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: WORK_DIRECTORY,
      env: { ...process.env, RABHAN_FUZZ_CUSTOMER_TOKEN: customer.accessToken, RABHAN_FUZZ_OPS_TOKEN: ops.accessToken, COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: FUZZ_RUN_MILLISECONDS_MAX,
      killSignal: 'SIGKILL',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, output }));
  });
}

describe('the API under schemathesis', () => {
  let runtime: LocalRuntime;
  let schemathesis: string;
  let customer: Tokens;
  let ops: Tokens;

  beforeAll(async () => {
    schemathesis = installSchemathesis();
    runtime = await startTestRuntime();
    // A registered and assessed customer, so that offers, plans and payments get past the first refusals.
    customer = await assessedCustomer(runtime.baseUrl);
    ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it(
    'answers every documented operation without a server error, off-schema response, accepted invalid request or contract mismatch',
    async () => {
      const documentedOperations = routeList.filter((route) => route.undocumented !== true).length;

      const run = await runSchemathesis(schemathesis, runtime.baseUrl, customer, ops);

      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toContain(`Selected: ${documentedOperations}/${documentedOperations}`);
      expect(run.output).toContain(`Tested: ${documentedOperations}`);
    },
    FUZZ_RUN_MILLISECONDS_MAX + 30_000,
  );
});

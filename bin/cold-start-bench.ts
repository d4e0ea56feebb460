/**
 * The cold-start half of `npm run bench`. Every function is bundled exactly as the CDK construct bundles it
 * (FUNCTION_BUNDLE_OPTIONS), and so is a bare handler that only creates a DynamoDB document client. Each bundle is
 * then started in fresh Node processes, one process at a time: cold start is module init plus the first invocation
 * (so work deferred to a lazy import still counts). Figures are medians over the runs, printed as ratios to the bare
 * handler measured in the same run. The bare handler is started right before every function run, not just five
 * times up front: one process's cold start varies by ±30% on a busy machine, so a five-run denominator moved every
 * ratio together from one bench run to the next, and pairing the runs lets both see the same machine conditions.
 *
 * Every outbound call, AWS or not (the AWS endpoint and the Nafath, SIMAH and payment-gateway base URLs), goes to a
 * stub HTTP server in this process that answers at once with HTTP 400 and an awsJson ResourceNotFoundException. That
 * is the issue's "AWS calls failing fast": DynamoDB, KMS, SQS, EventBridge and Secrets Manager clients all classify
 * it as a non-retryable service error, and our HTTP client as a rejected request, so each call costs one local round
 * trip whatever `maxAttempts` a client sets. (A refused connection would not do: the SDK retries it with back-off,
 * so functions whose clients set `maxAttempts` would be charged for retry sleeps the bare handler never pays.) The
 * runs are spawned asynchronously so that this process's event loop is free to answer while a run waits on it.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FUNCTION_BUNDLE_OPTIONS } from '../lib/constructs/rabhan-function.ts';
import { PROJECT_ROOT } from '../lib/local/handler-modules.ts';
import { OUTBOX_PUBLISHER_HANDLER_ENTRY } from '../shared/kernel/messaging/outbox.ts';
import { integrations } from '../shared/catalog/integrations.ts';
import { routes } from '../shared/catalog/routes.ts';
import { scheduledJobList } from '../shared/catalog/schedules.ts';
import { ulidGenerator } from '../shared/kernel/clock-and-ids.ts';
import { httpEvent } from '../test/support/http-events.ts';

/** Fresh processes per bundle; the median of 5 is the issue's floor, and each run costs well under a second. */
const RUNS_PER_FUNCTION = 5;
/** A process that has not answered by then is stuck; it is killed and the run fails. */
const RUN_TIMEOUT_MILLISECONDS = 30_000;
const TARGETS = { medianRatioMax: 1.6, worstRatioMax: 2.5, rssMegabytesMax: 70 } as const;
const AUTHORIZER_ENTRY = 'functions/identity/authorize.ts';
const BARE_ENTRY = 'bare DynamoDB handler';

interface Measured {
  readonly entry: string;
  readonly bundleKilobytes: number;
  readonly coldStartMilliseconds: number;
  readonly rssMegabytes: number;
}

const execFileAsync = promisify(execFile);

/**
 * What the stub server answers to every request: a client error in the awsJson protocols' shape, whose code no SDK
 * client retries (it is neither throttling, transient, clock skew nor a 5xx). Non-AWS callers see a plain 400.
 */
const FAIL_FAST_STATUS = 400;
const FAIL_FAST_HEADERS = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'ResourceNotFoundException', 'x-amzn-requestid': 'bench' } as const;
const FAIL_FAST_BODY = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'bench' });

/** Starts the stub on an ephemeral loopback port. The body is drained before answering so no client sees a reset. */
async function startFailFastServer(): Promise<{ readonly server: Server; readonly url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(FAIL_FAST_STATUS, FAIL_FAST_HEADERS).end(FAIL_FAST_BODY));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * The same environment for the bare handler and every function; every outbound URL is the fail-fast stub. There is
 * no AWS_MAX_ATTEMPTS: nothing the stub answers is retried, so each client keeps the attempts it deploys with.
 */
const runEnvironment = (stubUrl: string): Readonly<Record<string, string>> => ({
  AWS_REGION: 'me-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL: stubUrl,
  TABLE_NAME: 'bench-table',
  EVENT_BUS_NAME: 'bench-bus',
  APP_VERSION: 'bench',
  PII_KEY_ARN: 'arn:aws:kms:me-central-1:111111111111:key/bench',
  BLIND_INDEX_KEY_ID: 'bench',
  TOKEN_SIGNING_KEY_ID: 'bench',
  TOKEN_ISSUER: 'https://api.rabhan.sa',
  NAFATH_BASE_URL: stubUrl,
  SIMAH_BASE_URL: stubUrl,
  SEC_BASE_URL: stubUrl,
  ZATCA_BASE_URL: stubUrl,
  PAYMENT_GATEWAY_BASE_URL: stubUrl,
  PAYOUT_PROVIDER_BASE_URL: stubUrl,
  EVIDENCE_BUCKET_NAME: 'bench-evidence',
  NAFATH_CALLBACK_SECRET: 'bench-secret-of-sufficient-length-000000',
  PAYMENT_GATEWAY_WEBHOOK_SECRET: 'bench-secret-of-sufficient-length-000000',
  PAYOUT_PROVIDER_WEBHOOK_SECRET: 'bench-secret-of-sufficient-length-000000',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  PATH: process.env.PATH ?? '',
});

const BARE_HANDLER_SOURCE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => {
  try { await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: 'x', SK: 'y' } })); } catch { /* failing fast is the point */ }
  return { statusCode: 200, body: '{}' };
};
`;

/** Imports the bundle, invokes it once with the event, and prints what it cost. */
const RUNNER_SOURCE = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false };
const started = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
try { await handler(event, context); } catch { /* an AWS call failing is expected */ }
const coldStartMilliseconds = performance.now() - started;
process.stdout.write(JSON.stringify({ coldStartMilliseconds, rssBytes: process.memoryUsage().rss }));
process.exit(0);
`;

function routeEvent(route: (typeof routes)[keyof typeof routes]): unknown {
  const pathParameters = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((match) => [match[1]!, ulidGenerator.newId()]));
  const concretePath = route.path.replace(/\{(\w+)\}/g, (_whole, name: string) => pathParameters[name]!);
  const roles = route.access.kind === 'roles' ? route.access.roles.join(',') : undefined;
  return httpEvent({
    method: route.method === 'ANY' ? 'GET' : route.method,
    path: concretePath,
    resource: route.path,
    pathParameters: Object.keys(pathParameters).length === 0 ? undefined : pathParameters,
    headers: { 'content-type': 'application/json', 'idempotency-key': ulidGenerator.newId() },
    body: route.method === 'POST' ? '{}' : undefined,
    authorizer: roles === undefined ? undefined : { principalId: ulidGenerator.newId(), roles },
  });
}

/** Every deployed function's entry, with an event of the kind it receives. */
function functionEvents(): Map<string, unknown> {
  const events = new Map<string, unknown>();
  for (const route of Object.values(routes)) if (!events.has(route.handlerEntry)) events.set(route.handlerEntry, routeEvent(route));
  for (const integration of Object.values(integrations)) events.set(integration.handlerEntry, { Records: [] });
  for (const job of scheduledJobList) events.set(job.handlerEntry, {});
  events.set(OUTBOX_PUBLISHER_HANDLER_ENTRY, []);
  events.set(AUTHORIZER_ENTRY, { type: 'TOKEN', authorizationToken: 'Bearer not-a-token', methodArn: 'arn:aws:execute-api:me-central-1:111111111111:api/prod/GET/v1/plans' });
  return events;
}

/** Bundles a handler file, or handler source text, as the construct does; returns the bundle's size in KB. */
async function bundle(handler: { readonly entry: string } | { readonly source: string }, outfile: string): Promise<number> {
  await build({
    ...('entry' in handler ? { entryPoints: [path.join(PROJECT_ROOT, handler.entry)] } : { stdin: { contents: handler.source, resolveDir: PROJECT_ROOT, loader: 'js' } }),
    outfile,
    bundle: true,
    platform: 'node',
    logLevel: 'error',
    ...FUNCTION_BUNDLE_OPTIONS,
    external: [...FUNCTION_BUNDLE_OPTIONS.external],
    mainFields: [...FUNCTION_BUNDLE_OPTIONS.mainFields],
    banner: { js: FUNCTION_BUNDLE_OPTIONS.banner },
  });
  return statSync(outfile).size / 1024;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Run {
  readonly entry: string;
  readonly bundleFile: string;
  readonly eventFile: string;
  readonly runnerFile: string;
  readonly environment: Readonly<Record<string, string>>;
}

interface Sample {
  readonly coldStartMilliseconds: number;
  readonly rssMegabytes: number;
}

/** One fresh process. Callers await each run before starting the next, so no two runs compete for CPU. */
async function runOnce(run: Run): Promise<Sample> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(process.execPath, [run.runnerFile, run.bundleFile, run.eventFile], { env: run.environment, encoding: 'utf8', timeout: RUN_TIMEOUT_MILLISECONDS }));
  } catch (error) {
    const failure = error as { stderr?: string; message?: string };
    throw new Error(`${run.entry} did not start: ${failure.stderr || failure.message}`, { cause: error });
  }
  const figures = JSON.parse(stdout) as { coldStartMilliseconds: number; rssBytes: number };
  return { coldStartMilliseconds: figures.coldStartMilliseconds, rssMegabytes: figures.rssBytes / (1024 * 1024) };
}

const summarise = (entry: string, bundleKilobytes: number, samples: readonly Sample[]): Measured => ({
  entry,
  bundleKilobytes,
  coldStartMilliseconds: median(samples.map((sample) => sample.coldStartMilliseconds)),
  rssMegabytes: median(samples.map((sample) => sample.rssMegabytes)),
});

async function main(): Promise<void> {
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'rabhan-cold-start-'));
  const stub = await startFailFastServer();
  try {
    const environment = runEnvironment(stub.url);
    const runnerFile = path.join(workDirectory, 'runner.mjs');
    writeFileSync(runnerFile, RUNNER_SOURCE);
    const bareBundle = path.join(workDirectory, 'bare.mjs');
    const bareEvent = path.join(workDirectory, 'bare.json');
    writeFileSync(bareEvent, '{}');
    const bareKilobytes = await bundle({ source: BARE_HANDLER_SOURCE }, bareBundle);
    const bareRun: Run = { entry: BARE_ENTRY, bundleFile: bareBundle, eventFile: bareEvent, runnerFile, environment };

    const bareSamples: Sample[] = [];
    const measured: Measured[] = [];
    // COLD_START_ONLY=<part of a path> measures only the matching functions, to check one change quickly.
    const only = process.env.COLD_START_ONLY;
    for (const [index, [entry, event]] of [...functionEvents()].filter(([entry]) => only === undefined || entry.includes(only)).entries()) {
      const bundleFile = path.join(workDirectory, `f${index}.mjs`);
      const eventFile = path.join(workDirectory, `f${index}.json`);
      writeFileSync(eventFile, JSON.stringify(event));
      const bundleKilobytes = await bundle({ entry }, bundleFile);
      const run: Run = { entry, bundleFile, eventFile, runnerFile, environment };
      const samples: Sample[] = [];
      for (let attempt = 0; attempt < RUNS_PER_FUNCTION; attempt += 1) {
        bareSamples.push(await runOnce(bareRun));
        samples.push(await runOnce(run));
      }
      measured.push(summarise(entry, bundleKilobytes, samples));
    }
    const bare = summarise(BARE_ENTRY, bareKilobytes, bareSamples);

    const ratioOf = (figures: Measured): number => figures.coldStartMilliseconds / bare.coldStartMilliseconds;
    const rows = [bare, ...measured].map((figures) => ({
      function: figures.entry,
      'bundle KB': Math.round(figures.bundleKilobytes),
      'cold start ms': Number(figures.coldStartMilliseconds.toFixed(1)),
      'ratio to bare': Number(ratioOf(figures).toFixed(2)),
      'RSS MB': Number(figures.rssMegabytes.toFixed(1)),
    }));
    // eslint-disable-next-line no-console -- a benchmark prints its figures
    console.table(rows);
    const ratios = measured.map(ratioOf);
    const medianRatio = median(ratios);
    const worstRatio = Math.max(...ratios);
    const worstRssMegabytes = Math.max(...measured.map((figures) => figures.rssMegabytes));
    const met = medianRatio <= TARGETS.medianRatioMax && worstRatio <= TARGETS.worstRatioMax && worstRssMegabytes <= TARGETS.rssMegabytesMax;
    // eslint-disable-next-line no-console -- a benchmark prints its figures
    console.log(
      `Cold start over ${measured.length} functions, median of ${RUNS_PER_FUNCTION} fresh processes each (bare handler: ${bareSamples.length}, one before each): median ratio ${medianRatio.toFixed(2)}, worst ${worstRatio.toFixed(2)}, ` +
        `largest RSS ${worstRssMegabytes.toFixed(1)} MB. Targets (median ≤ ${TARGETS.medianRatioMax}, worst ≤ ${TARGETS.worstRatioMax}, RSS ≤ ${TARGETS.rssMegabytesMax} MB): ${met ? 'met' : 'NOT met'}`,
    );
  } finally {
    await stopServer(stub.server);
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

await main();

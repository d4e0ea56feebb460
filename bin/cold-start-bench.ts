/**
 * The cold-start half of `npm run bench`. Every function is bundled exactly as the CDK construct bundles it
 * (FUNCTION_BUNDLE_OPTIONS), and so is a bare handler that only creates a DynamoDB document client. Each bundle is
 * then started in fresh Node processes: cold start is module init plus the first invocation (so work deferred to a
 * lazy import still counts), with every AWS call failing fast against a closed local port. Figures are medians over
 * the runs, printed as ratios to the bare handler measured in the same run.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

/** Nothing listens on port 9: every AWS call is refused at once, as "failing fast" asks. */
const RUN_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_REGION: 'me-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_MAX_ATTEMPTS: '1',
  TABLE_NAME: 'bench-table',
  EVENT_BUS_NAME: 'bench-bus',
  APP_VERSION: 'bench',
  PII_KEY_ARN: 'arn:aws:kms:me-central-1:111111111111:key/bench',
  BLIND_INDEX_KEY_ID: 'bench',
  TOKEN_SIGNING_KEY_ID: 'bench',
  TOKEN_ISSUER: 'https://api.rabhan.sa',
  NAFATH_BASE_URL: 'http://127.0.0.1:9',
  SIMAH_BASE_URL: 'http://127.0.0.1:9',
  PAYMENT_GATEWAY_BASE_URL: 'http://127.0.0.1:9',
  NAFATH_CALLBACK_SECRET: 'bench-secret-of-sufficient-length-000000',
  PAYMENT_GATEWAY_WEBHOOK_SECRET: 'bench-secret-of-sufficient-length-000000',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

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
try { await handler(event, context); } catch { /* an AWS call refused is expected */ }
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

function measure(entry: string, bundleFile: string, eventFile: string, runnerFile: string, bundleKilobytes: number): Measured {
  const coldStarts: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < RUNS_PER_FUNCTION; run += 1) {
    const result = spawnSync(process.execPath, [runnerFile, bundleFile, eventFile], { env: { ...RUN_ENVIRONMENT, PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: RUN_TIMEOUT_MILLISECONDS });
    if (result.status !== 0) throw new Error(`${entry} did not start: ${result.stderr || result.error?.message || `exit ${result.status}`}`);
    const figures = JSON.parse(result.stdout) as { coldStartMilliseconds: number; rssBytes: number };
    coldStarts.push(figures.coldStartMilliseconds);
    rss.push(figures.rssBytes / (1024 * 1024));
  }
  return { entry, bundleKilobytes, coldStartMilliseconds: median(coldStarts), rssMegabytes: median(rss) };
}

async function main(): Promise<void> {
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'rabhan-cold-start-'));
  try {
    const runnerFile = path.join(workDirectory, 'runner.mjs');
    writeFileSync(runnerFile, RUNNER_SOURCE);
    const bareBundle = path.join(workDirectory, 'bare.mjs');
    const bareEvent = path.join(workDirectory, 'bare.json');
    writeFileSync(bareEvent, '{}');
    const bare = measure(BARE_ENTRY, bareBundle, bareEvent, runnerFile, await bundle({ source: BARE_HANDLER_SOURCE }, bareBundle));

    const measured: Measured[] = [];
    for (const [index, [entry, event]] of [...functionEvents()].entries()) {
      const bundleFile = path.join(workDirectory, `f${index}.mjs`);
      const eventFile = path.join(workDirectory, `f${index}.json`);
      writeFileSync(eventFile, JSON.stringify(event));
      measured.push(measure(entry, bundleFile, eventFile, runnerFile, await bundle({ entry }, bundleFile)));
    }

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
      `Cold start over ${measured.length} functions, median of ${RUNS_PER_FUNCTION} fresh processes each: median ratio ${medianRatio.toFixed(2)}, worst ${worstRatio.toFixed(2)}, ` +
        `largest RSS ${worstRssMegabytes.toFixed(1)} MB. Targets (median ≤ ${TARGETS.medianRatioMax}, worst ≤ ${TARGETS.worstRatioMax}, RSS ≤ ${TARGETS.rssMegabytesMax} MB): ${met ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

await main();

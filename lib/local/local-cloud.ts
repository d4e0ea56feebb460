/**
 * Installs and runs the local AWS engines without Docker: DynamoDB Local (AWS's own engine, from Maven Central)
 * for DynamoDB and its streams, and moto server (from PyPI, in a project-local virtualenv) for SQS, EventBridge,
 * KMS and S3. Both are cached under `.local-cloud/` and started on free ports. An endpoint already configured through
 * AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> (LocalStack, say) is used instead of starting an engine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from './handler-modules.ts';

export const DYNAMODB_LOCAL_VERSION = '3.3.1';
export const MOTO_VERSION = '5.2.5';
/**
 * The API fuzzer of the e2e suite (docs/api-fuzzing.md), with the Hypothesis it generates with: a seed replays the
 * same requests only with the same Hypothesis, so both are pinned.
 */
export const SCHEMATHESIS_VERSION = '4.32.5';
export const HYPOTHESIS_VERSION = '6.170.17';
/**
 * The PV library the solar context's climate data is generated with and its model is cross-checked against
 * (docs/solar-model.md). Its dependencies are pinned too, so a regeneration is reproducible.
 */
export const PVLIB_VERSION = '0.13.1';
const PVLIB_REQUIREMENTS = [
  `pvlib==${PVLIB_VERSION}`,
  'numpy==2.4.6',
  'pandas==3.1.1',
  'scipy==1.17.1',
  'h5py==3.16.0',
  'python-dateutil==4.0.0',
  'pytz==2026.6',
  'tzdata==2026.6',
  'requests==2.34.2',
  'certifi==2026.10.19.post1',
  'charset-normalizer==3.5.3',
  'idna==3.20',
  'urllib3==2.8.0',
] as const;
/** Engines usually answer in 2–5 s; a cold JVM on a busy 2-core machine can take much longer. */
const ENGINE_STARTUP_TIMEOUT_MILLISECONDS = 90_000;
const ENGINE_POLL_INTERVAL_MILLISECONDS = 250;
const ENGINE_STOP_GRACE_MILLISECONDS = 3_000;
/** Region the local engines pretend to be in; any value works, this one mirrors an in-Kingdom deployment. */
export const LOCAL_REGION = 'me-central-1';

export const CACHE_DIRECTORY = path.join(PROJECT_ROOT, '.local-cloud');
const DYNAMODB_DIRECTORY = path.join(CACHE_DIRECTORY, 'dynamodb-local');
const MOTO_DIRECTORY = path.join(CACHE_DIRECTORY, 'moto-venv');
const SCHEMATHESIS_DIRECTORY = path.join(CACHE_DIRECTORY, 'schemathesis-venv');
const PVLIB_DIRECTORY = path.join(CACHE_DIRECTORY, 'pvlib-venv');
const LOG_DIRECTORY = path.join(CACHE_DIRECTORY, 'logs');

export interface LocalCloudEndpoints {
  readonly dynamodb: string;
  readonly dynamodbStreams: string;
  readonly sqs: string;
  readonly eventbridge: string;
  readonly kms: string;
  /** Path-style only: one host, no per-bucket DNS names. Presigned URLs point here, so curl on this machine reaches them. */
  readonly s3: string;
}

export interface RunningLocalCloud {
  readonly endpoints: LocalCloudEndpoints;
  stop(): Promise<void>;
}

export class MissingPrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingPrerequisiteError';
  }
}

/** The endpoint the environment already names for a service, the way the AWS SDK itself resolves it. */
function configuredEndpoint(service: 'DYNAMODB' | 'DYNAMODB_STREAMS' | 'SQS' | 'EVENTBRIDGE' | 'KMS' | 'S3'): string | undefined {
  return process.env[`AWS_ENDPOINT_URL_${service}`] || process.env.AWS_ENDPOINT_URL || undefined;
}

const needsDynamoDbEngine = (): boolean => configuredEndpoint('DYNAMODB') === undefined;
const needsMotoEngine = (): boolean => (['SQS', 'EVENTBRIDGE', 'KMS', 'S3'] as const).some((service) => configuredEndpoint(service) === undefined);

function commandWorks(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

function run(command: string, args: readonly string[], options: { cwd?: string; description: string }): void {
  const result = spawnSync(command, args, { cwd: options.cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${options.description} failed:\n${output}`);
  }
}

function installedMarker(directory: string): string | undefined {
  const marker = path.join(directory, '.installed-version');
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
}

/** DynamoDB Local 3.x is built for Java 17. */
const JAVA_MAJOR_VERSION_MIN = 17;

/** The major version `java -version` reports (`1.8.0_392` is 8, `17.0.15` is 17), or undefined without Java. */
export function javaMajorVersionOf(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (match === null) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function requireJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const major = result.error === undefined ? javaMajorVersionOf(`${result.stderr ?? ''}${result.stdout ?? ''}`) : undefined;
  if (major === undefined) {
    throw new MissingPrerequisiteError('Java 17 or newer is required to run DynamoDB Local: install it with `apt-get install openjdk-17-jre-headless`.');
  }
  if (major < JAVA_MAJOR_VERSION_MIN) {
    throw new MissingPrerequisiteError(`Java ${JAVA_MAJOR_VERSION_MIN} or newer is required to run DynamoDB Local, but \`java\` is Java ${major}: install openjdk-17-jre-headless and put it first on PATH.`);
  }
}

function installDynamoDbLocal(log: (line: string) => void): void {
  requireJava();
  if (installedMarker(DYNAMODB_DIRECTORY) === DYNAMODB_LOCAL_VERSION) return;
  if (!commandWorks('mvn', ['-v'])) {
    throw new MissingPrerequisiteError('Maven is required to fetch DynamoDB Local from Maven Central: install it with `apt-get install maven`.');
  }
  log(`Fetching DynamoDB Local ${DYNAMODB_LOCAL_VERSION} from Maven Central…`);
  rmSync(DYNAMODB_DIRECTORY, { recursive: true, force: true });
  mkdirSync(DYNAMODB_DIRECTORY, { recursive: true });
  writeFileSync(
    path.join(DYNAMODB_DIRECTORY, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>sa.rabhan.local</groupId><artifactId>dynamodb-local</artifactId><version>1</version>
  <dependencies><dependency><groupId>software.amazon.dynamodb</groupId><artifactId>DynamoDBLocal</artifactId><version>${DYNAMODB_LOCAL_VERSION}</version></dependency></dependencies>
</project>\n`,
  );
  run('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib'], { cwd: DYNAMODB_DIRECTORY, description: 'Fetching DynamoDB Local' });
  writeFileSync(path.join(DYNAMODB_DIRECTORY, '.installed-version'), DYNAMODB_LOCAL_VERSION);
}

interface PythonTool {
  /** How the tool is named in messages. */
  readonly name: string;
  readonly directory: string;
  /** Exact pip requirements. */
  readonly requirements: readonly string[];
  /** Written as the marker once installed; a different value reinstalls. */
  readonly version: string;
}

/** Installs a PyPI tool into its own virtualenv under .local-cloud/, unless its marker names this version. */
function installPythonTool(tool: PythonTool, log: (line: string) => void): void {
  if (installedMarker(tool.directory) === tool.version) return;
  if (!commandWorks('python3', ['--version'])) {
    throw new MissingPrerequisiteError(`Python 3 is required to run ${tool.name}: install it with \`apt-get install python3 python3-venv\`.`);
  }
  log(`Installing ${tool.requirements.join(' ')} from PyPI into .local-cloud/${path.basename(tool.directory)}…`);
  rmSync(tool.directory, { recursive: true, force: true });
  run('python3', ['-m', 'venv', tool.directory], { description: `Creating the ${tool.name} virtualenv (is python3-venv installed?)` });
  run(path.join(tool.directory, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...tool.requirements], {
    description: `Installing ${tool.name}`,
  });
  writeFileSync(path.join(tool.directory, '.installed-version'), tool.version);
}

function installMoto(log: (line: string) => void): void {
  installPythonTool({ name: 'moto server', directory: MOTO_DIRECTORY, requirements: [`moto[server]==${MOTO_VERSION}`], version: MOTO_VERSION }, log);
}

/**
 * Installs schemathesis into .local-cloud/schemathesis-venv, as moto is installed, and returns its command. Only the
 * fuzz test needs it, so `npm start` never waits for it.
 */
export function installSchemathesis(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string {
  installPythonTool(
    {
      name: 'schemathesis',
      directory: SCHEMATHESIS_DIRECTORY,
      requirements: [`schemathesis==${SCHEMATHESIS_VERSION}`, `hypothesis==${HYPOTHESIS_VERSION}`],
      version: `${SCHEMATHESIS_VERSION} hypothesis ${HYPOTHESIS_VERSION}`,
    },
    log,
  );
  return path.join(SCHEMATHESIS_DIRECTORY, 'bin', 'schemathesis');
}

/**
 * Installs pvlib and its pinned dependencies into .local-cloud/pvlib-venv, as schemathesis is installed, and returns
 * that virtualenv's python. Only the solar data generator and its cross-check test need it.
 */
export function installPvlib(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string {
  installPythonTool({ name: 'pvlib', directory: PVLIB_DIRECTORY, requirements: PVLIB_REQUIREMENTS, version: PVLIB_REQUIREMENTS.join(' ') }, log);
  return path.join(PVLIB_DIRECTORY, 'bin', 'python');
}

/** Installs whatever engine this environment needs and is not yet cached. Safe to call every time. */
export function installLocalEngines(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  for (const engine of ['dynamodb-local', 'moto'] as const) LOCAL_TOOL_INSTALLERS[engine](log);
}

/**
 * Everything installed into .local-cloud/, each on its own so that bin/install-engines.ts can fetch them side by
 * side: the two engines (unless the environment names its own endpoints) and the two test-only Python tools.
 */
export const LOCAL_TOOL_INSTALLERS = {
  'dynamodb-local': (log: (line: string) => void) => {
    if (needsDynamoDbEngine()) installDynamoDbLocal(log);
  },
  moto: (log: (line: string) => void) => {
    if (needsMotoEngine()) installMoto(log);
  },
  schemathesis: (log: (line: string) => void) => void installSchemathesis(log),
  pvlib: (log: (line: string) => void) => void installPvlib(log),
} as const;

export type LocalTool = keyof typeof LOCAL_TOOL_INSTALLERS;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}

interface EngineProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  readonly watchdog: ChildProcess;
}

/** How often the watchdog checks that the process that started an engine is still alive. */
const WATCHDOG_POLL_SECONDS = 1;

/**
 * Starts a process that stops an engine's process group once `watchedPid` is gone. The `exit` hook below cannot
 * run when the starting process is killed by a signal (SIGKILL, or SIGTERM with no handler), and a stray `java`
 * or `python` would then outlive the run; the watchdog covers exactly those cases.
 */
export function startEngineWatchdog(watchedPid: number, engineGroupId: number): ChildProcess {
  const graceSeconds = ENGINE_STOP_GRACE_MILLISECONDS / 1000;
  const script =
    // Stop watching once the engine's group is gone too, so a group id recycled later is never signalled.
    `while kill -0 ${watchedPid} 2>/dev/null && kill -0 -${engineGroupId} 2>/dev/null; do sleep ${WATCHDOG_POLL_SECONDS}; done; ` +
    `kill -0 ${watchedPid} 2>/dev/null && exit 0; ` +
    `kill -TERM -${engineGroupId} 2>/dev/null; sleep ${graceSeconds}; kill -KILL -${engineGroupId} 2>/dev/null; exit 0`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog;
}

function startEngine(name: string, command: string, args: readonly string[], cwd: string): EngineProcess {
  mkdirSync(LOG_DIRECTORY, { recursive: true });
  const logFile = path.join(LOG_DIRECTORY, `${name}-${process.pid}.log`);
  const logStream = createWriteStream(logFile);
  // Own process group, so stopping kills the engine and anything it spawned.
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(logStream);
  child.stderr?.pipe(logStream);
  if (child.pid === undefined) {
    // The spawn error is reported here instead; without a listener it would crash the process later.
    child.once('error', () => undefined);
    throw new Error(`${name} could not be started: ${command} was not found`);
  }
  return { child, logFile, watchdog: startEngineWatchdog(process.pid, child.pid) };
}

function lastLogLines(logFile: string): string {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n') : '(no log)';
}

async function waitUntilAnswering(name: string, url: string, engine: EngineProcess): Promise<void> {
  const deadline = Date.now() + ENGINE_STARTUP_TIMEOUT_MILLISECONDS;
  while (Date.now() < deadline) {
    if (engine.child.exitCode !== null) throw new Error(`${name} exited while starting:\n${lastLogLines(engine.logFile)}`);
    try {
      // Any HTTP answer (even 400) means the server is up.
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, ENGINE_POLL_INTERVAL_MILLISECONDS));
    }
  }
  throw new Error(`${name} did not answer within ${ENGINE_STARTUP_TIMEOUT_MILLISECONDS / 1000} s:\n${lastLogLines(engine.logFile)}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopEngine(engine: EngineProcess): Promise<void> {
  engine.watchdog.kill('SIGKILL');
  if (engine.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => engine.child.once('exit', () => resolve()));
  killGroup(engine.child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(engine.child, 'SIGKILL'), ENGINE_STOP_GRACE_MILLISECONDS);
  await exited;
  clearTimeout(timer);
}

/**
 * Points the AWS SDK at the engines through the standard AWS_ENDPOINT_URL_<SERVICE> variables, so application
 * code creates its clients exactly as in AWS, with no local special case.
 */
export function applyEndpointsToEnvironment(endpoints: LocalCloudEndpoints): void {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamodb;
  process.env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS = endpoints.dynamodbStreams;
  process.env.AWS_ENDPOINT_URL_SQS = endpoints.sqs;
  process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = endpoints.eventbridge;
  process.env.AWS_ENDPOINT_URL_KMS = endpoints.kms;
  process.env.AWS_ENDPOINT_URL_S3 = endpoints.s3;
  process.env.AWS_REGION ??= LOCAL_REGION;
  // The engines accept any credentials; real ones must never be needed (or used) locally.
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
}

export async function startLocalCloud(): Promise<RunningLocalCloud> {
  installLocalEngines();
  const engines: EngineProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(engines.map(stopEngine));
  };
  const killOnExit = (): void => engines.forEach((engine) => killGroup(engine.child, 'SIGKILL'));
  process.once('exit', killOnExit);
  try {
    let dynamodb = configuredEndpoint('DYNAMODB');
    if (dynamodb === undefined) {
      const port = await freePort();
      const lib = path.join(DYNAMODB_DIRECTORY, 'lib');
      const engine = startEngine('dynamodb-local', 'java', [`-Djava.library.path=${lib}`, '-cp', `${lib}/*`, 'software.amazon.dynamodb.services.local.main.ServerRunner', '-inMemory', '-port', String(port)], DYNAMODB_DIRECTORY);
      engines.push(engine);
      dynamodb = `http://127.0.0.1:${port}`;
      await waitUntilAnswering('DynamoDB Local', dynamodb, engine);
    }
    let moto: string | undefined;
    if (needsMotoEngine()) {
      const port = await freePort();
      const engine = startEngine('moto', path.join(MOTO_DIRECTORY, 'bin', 'moto_server'), ['-H', '127.0.0.1', '-p', String(port)], CACHE_DIRECTORY);
      engines.push(engine);
      moto = `http://127.0.0.1:${port}`;
      await waitUntilAnswering('moto server', `${moto}/moto-api/`, engine);
    }
    const endpoints: LocalCloudEndpoints = {
      dynamodb,
      dynamodbStreams: configuredEndpoint('DYNAMODB_STREAMS') ?? dynamodb,
      sqs: configuredEndpoint('SQS') ?? moto!,
      eventbridge: configuredEndpoint('EVENTBRIDGE') ?? moto!,
      kms: configuredEndpoint('KMS') ?? moto!,
      s3: configuredEndpoint('S3') ?? moto!,
    };
    return {
      endpoints,
      async stop() {
        process.removeListener('exit', killOnExit);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

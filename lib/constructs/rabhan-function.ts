/**
 * The one way a handler becomes a Lambda function: arm64, nodejs22.x, active tracing, an explicit encrypted log
 * group, one minified ESM bundle per function with source maps, and least-privilege permissions derived from the
 * route or integration `permissions` list.
 *
 * Permissions are written into a customer-managed policy attached to the function's own role, and the role handed
 * to Lambda is immutable, so nothing (CDK grants included) can widen it behind our back or create inline policies.
 * The one exception is evidence access: the role attaches the stateful stack's customer-managed policy for each
 * evidence permission it holds (see EvidenceBucketBindings).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Tags } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { IMMUTABLE_PARTITION_PREFIXES, TABLE_SCHEMA } from '../../shared/catalog/keys.ts';
import { PLATFORM_ENVIRONMENT_VARIABLES } from '../../shared/kernel/config/platform-config.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import type { Permission } from '../../shared/kernel/deployment/permissions.ts';
import { PERMISSION_SECRETS, WEBHOOK_SECRETS, type WebhookSecretName } from '../../shared/kernel/deployment/webhook-secrets.ts';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { acknowledge } from '../compliance.ts';

/** The repository root: handler entries in the route and integration tables are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Context key choosing how code is packaged: `esbuild` (real bundles, the default) or `inline` (fast tests). */
export const BUNDLING_CONTEXT_KEY = 'rabhan:bundling';
export type BundlingMode = 'esbuild' | 'inline';

export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const FUNCTION_ARCHITECTURE = lambda.Architecture.ARM_64;
/** esbuild target matching FUNCTION_RUNTIME. */
const ESBUILD_TARGET = 'node22';
/** Memory also buys CPU on Lambda; 1 GiB keeps cold starts and p99 handler time low for our small bundles. */
export const FUNCTION_MEMORY_MB_DEFAULT = 1024;
export const FUNCTION_TIMEOUT_SECONDS_DEFAULT = 10;
/** Application logs are kept a year: PCI DSS 10.7 asks for a year of audit history. */
export const FUNCTION_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;
export const POWERTOOLS_SERVICE_NAME = 'rabhan';
/** Tag naming the handler module a function runs; operators and tests find functions by it. */
export const HANDLER_ENTRY_TAG = 'rabhan:handler-entry';

/**
 * Modules left out of the bundle. Nothing is: the AWS SDK is bundled (and tree-shaken) so that every function runs
 * the SDK version it was tested with; the runtime's copy would change under us. Only runtime-provided modules
 * (node: builtins, which esbuild never bundles for platform node) may ever be listed here.
 */
export const EXTERNAL_MODULES: readonly string[] = [];

/** ESM bundles have no `require`; some CommonJS dependencies call it for Node builtins. */
const ESM_REQUIRE_SHIM = "import { createRequire as __rabhanCreateRequire } from 'node:module'; const require = __rabhanCreateRequire(import.meta.url);";

/**
 * How every function is bundled, in esbuild's own terms. The construct hands these to NodejsFunction, and the
 * cold-start benchmark (bin/cold-start-bench.ts) builds with the same values, so it measures what deploys.
 */
export const FUNCTION_BUNDLE_OPTIONS = {
  minify: true,
  format: 'esm',
  target: ESBUILD_TARGET,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  external: EXTERNAL_MODULES,
} as const;

/** Stand-in code for `inline` mode: synthesizes instantly, and fails loudly if it is ever deployed. */
const INLINE_PLACEHOLDER_CODE = 'exports.handler = async () => { throw new Error("Built with rabhan:bundling=inline; not deployable"); };';

export const RUNTIME_ENVIRONMENT_VARIABLES = {
  powertoolsServiceName: 'POWERTOOLS_SERVICE_NAME',
  nodeOptions: 'NODE_OPTIONS',
} as const;

export type ApplicationKeyName = keyof typeof APPLICATION_KEYS;

/**
 * The milestone-evidence bucket and what each evidence permission grants on it: `evidence:write` PutObject and
 * GetObject (which HeadObject needs) on its objects with the key's GenerateDataKey and Decrypt, `evidence:read`
 * GetObject with Decrypt, the key usable through S3 only. The grants are managed policies of the stateful stack,
 * not statements in the function's own policy: their object wildcard must be acknowledged by an id naming the
 * bucket, which only that stack can keep independent of the stack prefix.
 */
export interface EvidenceBucketBindings {
  readonly bucket: s3.IBucket;
  readonly writeAccess: iam.IManagedPolicy;
  readonly readAccess: iam.IManagedPolicy;
}

/** The shared resources every function is wired to; built once by the stateful stack. */
export interface PlatformBindings {
  readonly table: dynamodb.ITable;
  readonly tableKey: kms.IKey;
  readonly eventBus: events.IEventBus;
  readonly applicationKeys: Readonly<Record<ApplicationKeyName, kms.IKey>>;
  /** Encrypts every log group. */
  readonly logsKey: kms.IKey;
  /** Signing secrets of external callbacks, read by the functions that verify them. */
  readonly webhookSecrets: Readonly<Record<WebhookSecretName, secretsmanager.ISecret>>;
  /**
   * The milestone-evidence bucket, for `evidence:write` and `evidence:read`.
   * @default - none; those permissions are then refused
   */
  readonly evidence?: EvidenceBucketBindings;
  /** Shown by the health route and logged; not a secret. */
  readonly appVersion: string;
  /** Non-secret settings every function receives (token issuer, government endpoints). */
  readonly runtimeEnvironment: Readonly<Record<string, string>>;
}

export interface RabhanFunctionProps {
  /** Module exporting `handler`, relative to the project root: `functions/<area>/<verb-noun>.ts`. */
  readonly handlerEntry: `functions/${string}.ts`;
  readonly description: string;
  readonly platform: PlatformBindings;
  /** What the handler may touch; each permission becomes the narrowest grant that serves it. */
  readonly permissions: readonly Permission[];
  /**
   * Queues the function consumes from, needed to honour `queue:send-dead-letter`.
   * @default - none; `queue:send-dead-letter` is then refused
   */
  readonly sourceQueue?: { readonly queue: sqs.IQueue; readonly deadLetterQueue: sqs.IQueue };
  /** @default Duration.seconds(FUNCTION_TIMEOUT_SECONDS_DEFAULT) */
  readonly timeout?: Duration;
  /** @default FUNCTION_MEMORY_MB_DEFAULT */
  readonly memorySizeMb?: number;
  /**
   * How the code is packaged.
   * @default - the `rabhan:bundling` context value, else `esbuild`
   */
  readonly bundling?: BundlingMode;
}

export type TableAccess = 'read' | 'write' | 'readWrite';
export type QueueAccess = 'consume' | 'send';

const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
// TransactWriteItems is authorised per item by these same actions.
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];
/**
 * What could change or remove a journal or audit entry once written. TransactWriteItems is authorised per contained
 * action, so its Update and Delete fall under UpdateItem and DeleteItem; BatchWriteItem deletes and overwrites with
 * no condition at all. (PartiQL is never granted.) A PutItem overwrite is refused by `attribute_not_exists` in code.
 */
export const IMMUTABLE_PARTITION_DENIED_ACTIONS = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** IAM `StringLike` patterns for the partitions that hold only journals or only audit entries. */
export const IMMUTABLE_PARTITION_PATTERNS = IMMUTABLE_PARTITION_PREFIXES.map((prefix) => `${prefix}*`);
const TABLE_KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const TABLE_KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

export function resolveBundlingMode(scope: Construct, explicit: BundlingMode | undefined): BundlingMode {
  const mode = explicit ?? scope.node.tryGetContext(BUNDLING_CONTEXT_KEY) ?? 'esbuild';
  if (mode !== 'esbuild' && mode !== 'inline') throw new Error(`${BUNDLING_CONTEXT_KEY} must be esbuild or inline, got ${String(mode)}`);
  return mode;
}

function tableAccessFor(permissions: readonly Permission[]): TableAccess | undefined {
  const read = permissions.includes('table:read');
  const write = permissions.includes('table:write');
  if (read && write) return 'readWrite';
  if (read) return 'read';
  if (write) return 'write';
  return undefined;
}

export class RabhanFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly logGroup: logs.LogGroup;
  readonly handlerEntry: string;
  private readonly platform: PlatformBindings;

  constructor(scope: Construct, id: string, props: RabhanFunctionProps) {
    super(scope, id);
    this.handlerEntry = props.handlerEntry;
    this.platform = props.platform;
    const { platform } = props;

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: FUNCTION_LOG_RETENTION, encryptionKey: platform.logsKey });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handlerEntry}`,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      description: `Least privilege for ${props.handlerEntry}`,
      statements: [
        new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
      ],
    });
    const tracingStatement = new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] });
    this.policy.addStatements(tracingStatement);
    acknowledge(this.policy, 'xrayNeedsWildcard');
    // Whatever table access the function is granted, now or later, it can never change or delete a journal or an
    // audit entry: an explicit deny overrides every allow. IAM sees only partition keys, hence partitions of their own.
    this.policy.addStatements(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: IMMUTABLE_PARTITION_DENIED_ACTIONS,
        resources: [platform.table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': IMMUTABLE_PARTITION_PATTERNS } },
      }),
    );

    const common: Omit<lambda.FunctionProps, 'code' | 'handler'> = {
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      description: props.description.slice(0, 256),
      memorySize: props.memorySizeMb ?? FUNCTION_MEMORY_MB_DEFAULT,
      timeout: props.timeout ?? Duration.seconds(FUNCTION_TIMEOUT_SECONDS_DEFAULT),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      // Immutable: grants made by other constructs cannot widen the role; everything goes through the policy above.
      role: this.role.withoutPolicyUpdates(),
      environment: {
        ...platform.runtimeEnvironment,
        [PLATFORM_ENVIRONMENT_VARIABLES.tableName]: platform.table.tableName,
        [PLATFORM_ENVIRONMENT_VARIABLES.eventBusName]: platform.eventBus.eventBusName,
        [PLATFORM_ENVIRONMENT_VARIABLES.appVersion]: platform.appVersion,
        [RUNTIME_ENVIRONMENT_VARIABLES.powertoolsServiceName]: POWERTOOLS_SERVICE_NAME,
        [RUNTIME_ENVIRONMENT_VARIABLES.nodeOptions]: '--enable-source-maps',
      },
    };
    if (resolveBundlingMode(this, props.bundling) === 'inline') {
      this.function = new lambda.Function(this, 'Function', {
        ...common,
        code: lambda.Code.fromInline(INLINE_PLACEHOLDER_CODE),
        handler: 'index.handler',
      });
    } else {
      this.function = new NodejsFunction(this, 'Function', {
        ...common,
        entry: path.join(PROJECT_ROOT, props.handlerEntry),
        handler: 'handler',
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
        bundling: {
          minify: FUNCTION_BUNDLE_OPTIONS.minify,
          sourceMap: true,
          sourcesContent: false,
          format: OutputFormat.ESM,
          target: FUNCTION_BUNDLE_OPTIONS.target,
          mainFields: [...FUNCTION_BUNDLE_OPTIONS.mainFields],
          banner: FUNCTION_BUNDLE_OPTIONS.banner,
          externalModules: [...FUNCTION_BUNDLE_OPTIONS.external],
          forceDockerBundling: false,
        },
      });
    }
    // The function must not start (or be wired to a source) before its permissions exist.
    this.function.node.addDependency(this.policy);
    Tags.of(this.function).add(HANDLER_ENTRY_TAG, props.handlerEntry);
    acknowledge(this.function, 'lambdaRuntimePinned', 'lambdaOutsideVpc', 'lambdaNoAsyncDlq', 'lambdaConcurrencyBoundedElsewhere');

    this.applyPermissions(props.permissions, props.sourceQueue);
  }

  /** Turns the declared permissions into grants; a permission this construct does not know fails to compile. */
  applyPermissions(permissions: readonly Permission[], sourceQueue?: RabhanFunctionProps['sourceQueue']): void {
    const { platform } = this;
    const tableAccess = tableAccessFor(permissions);
    if (tableAccess !== undefined) this.bindTable(platform.table, platform.tableKey, tableAccess);
    for (const permission of new Set(permissions)) {
      switch (permission) {
        case 'table:read':
        case 'table:write':
          break;
        case 'pii:encrypt':
          this.bindApplicationKey('personalData', ['kms:GenerateDataKey'], this.encryptionContextCondition());
          break;
        case 'pii:decrypt':
          this.bindApplicationKey('personalData', ['kms:Decrypt'], this.encryptionContextCondition());
          break;
        case 'pii:blind-index':
          this.bindApplicationKey('blindIndex', ['kms:GenerateMac'], { StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } });
          break;
        case 'token:sign':
          this.bindApplicationKey('tokenSigning', ['kms:Sign'], { StringEquals: { 'kms:SigningAlgorithm': 'ECDSA_SHA_256' } });
          break;
        case 'token:read-public-key':
          this.bindApplicationKey('tokenSigning', ['kms:GetPublicKey']);
          break;
        case 'secret:nafath-callback':
        case 'secret:payment-webhook':
        case 'secret:payout-webhook':
          this.bindWebhookSecret(PERMISSION_SECRETS[permission]);
          break;
        case 'evidence:write':
        case 'evidence:read':
          this.bindEvidence(permission);
          break;
        case 'queue:send-dead-letter':
          if (sourceQueue === undefined) {
            throw new Error(`${this.handlerEntry} asks for queue:send-dead-letter but consumes no queue`);
          }
          // The handler finds its DLQ from the source queue's redrive policy, then sends to it.
          this.bindQueue(sourceQueue.queue, 'consume');
          this.bindQueue(sourceQueue.deadLetterQueue, 'send');
          break;
        default: {
          const unknown: never = permission;
          throw new Error(`No grant is defined for permission ${String(unknown)}`);
        }
      }
    }
  }

  /** Item-level access to the table (and its indexes, for reads), plus the table key through DynamoDB only. */
  bindTable(table: dynamodb.ITable, tableKey: kms.IKey, access: TableAccess): void {
    const reads = access === 'read' || access === 'readWrite';
    const writes = access === 'write' || access === 'readWrite';
    const indexArns = TABLE_SCHEMA.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
    if (reads) this.policy.addStatements(new iam.PolicyStatement({ actions: TABLE_READ_ACTIONS, resources: [table.tableArn, ...indexArns] }));
    if (writes) this.policy.addStatements(new iam.PolicyStatement({ actions: TABLE_WRITE_ACTIONS, resources: [table.tableArn] }));
    this.policy.addStatements(
      new iam.PolicyStatement({
        actions: writes ? [...TABLE_KEY_READ_ACTIONS, ...TABLE_KEY_WRITE_ACTIONS] : TABLE_KEY_READ_ACTIONS,
        resources: [tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }

  /** Consume (receive, delete, extend visibility) or send, with the queue key usable through SQS only. */
  bindQueue(queue: sqs.IQueue, access: QueueAccess): void {
    const actions =
      access === 'consume'
        ? ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl']
        : ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
    this.policy.addStatements(new iam.PolicyStatement({ actions, resources: [queue.queueArn] }));
    if (queue.encryptionMasterKey !== undefined) {
      this.policy.addStatements(
        new iam.PolicyStatement({
          actions: access === 'consume' ? ['kms:Decrypt'] : ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [queue.encryptionMasterKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `sqs.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }
  }

  /** PutEvents on one bus; only the outbox publisher needs it, handlers publish through the outbox. */
  bindEventBus(eventBus: events.IEventBus): void {
    this.policy.addStatements(new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [eventBus.eventBusArn] }));
  }

  /** GetSecretValue on one secret, its key usable through Secrets Manager only; the ARN reaches the handler. */
  private bindWebhookSecret(name: WebhookSecretName): void {
    const secret = this.platform.webhookSecrets[name];
    this.policy.addStatements(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
    if (secret.encryptionKey !== undefined) {
      this.policy.addStatements(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [secret.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }
    this.function.addEnvironment(WEBHOOK_SECRETS[name].arnEnvironmentVariable, secret.secretArn);
  }

  /** Attaches the evidence permission's policy to the role; the bucket's name reaches the handler. */
  private bindEvidence(permission: 'evidence:write' | 'evidence:read'): void {
    const { evidence } = this.platform;
    if (evidence === undefined) throw new Error(`${this.handlerEntry} asks for ${permission} but the platform has no evidence bucket`);
    this.role.addManagedPolicy(permission === 'evidence:write' ? evidence.writeAccess : evidence.readAccess);
    this.function.addEnvironment(PLATFORM_ENVIRONMENT_VARIABLES.evidenceBucketName, evidence.bucket.bucketName);
  }

  private bindApplicationKey(name: ApplicationKeyName, actions: string[], conditions?: Record<string, Record<string, string>>): void {
    const key = this.platform.applicationKeys[name];
    this.policy.addStatements(new iam.PolicyStatement({ actions, resources: [key.keyArn], ...(conditions === undefined ? {} : { conditions }) }));
    this.function.addEnvironment(APPLICATION_KEYS[name].environmentVariable, key.keyArn);
  }

  /** Personal-data ciphertexts carry the table name in their encryption context; no other context can be used. */
  private encryptionContextCondition(): Record<string, Record<string, string>> {
    return { StringEquals: { 'kms:EncryptionContext:table': this.platform.table.tableName } };
  }
}

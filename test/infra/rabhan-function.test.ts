import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { WEBHOOK_SECRETS, type WebhookSecretName } from '../../shared/kernel/deployment/webhook-secrets.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/catalog/routes.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { RabhanFunction, type ApplicationKeyName, type BundlingMode, type PlatformBindings } from '../../lib/constructs/rabhan-function.ts';
import { TEST_TARGET } from './support/test-app.ts';

function platformIn(stack: Stack): PlatformBindings {
  const tableKey = new kms.Key(stack, 'TableKey', { enableKeyRotation: true });
  const applicationKeys = Object.fromEntries(
    (Object.keys(APPLICATION_KEYS) as ApplicationKeyName[]).map((name) => [name, new kms.Key(stack, `${name}Key`)]),
  ) as Record<ApplicationKeyName, kms.Key>;
  return {
    table: new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: tableKey,
    }),
    tableKey,
    eventBus: new events.EventBus(stack, 'Bus'),
    applicationKeys,
    logsKey: new kms.Key(stack, 'LogsKey', { enableKeyRotation: true }),
    webhookSecrets: Object.fromEntries(
      (Object.keys(WEBHOOK_SECRETS) as WebhookSecretName[]).map((name) => [name, new secretsmanager.Secret(stack, `${name}Secret`)]),
    ) as Record<WebhookSecretName, secretsmanager.Secret>,
    appVersion: '1.2.3',
    runtimeEnvironment: { TOKEN_ISSUER: 'https://issuer.example' },
  };
}

function stackWithHealthFunction(bundling: BundlingMode): { app: App; stack: Stack; fn: RabhanFunction } {
  const app = new App();
  const stack = new Stack(app, 'FunctionUnderTest', { env: { account: TEST_TARGET.account, region: TEST_TARGET.region } });
  const fn = new RabhanFunction(stack, 'GetHealth', {
    handlerEntry: routes.getHealth.handlerEntry,
    description: routes.getHealth.summary,
    platform: platformIn(stack),
    permissions: routes.getHealth.permissions,
    bundling,
  });
  return { app, stack, fn };
}

describe('the function construct with real esbuild bundling', () => {
  let bundleDirectory: string;
  const savedEnvironment = { ...process.env };

  beforeAll(() => {
    const { app } = stackWithHealthFunction('esbuild');
    const assembly = app.synth();
    const assetDirectories = readdirSync(assembly.directory).filter((name) => name.startsWith('asset.'));
    if (assetDirectories.length !== 1) throw new Error(`Expected one bundle, found ${assetDirectories.length}`);
    bundleDirectory = path.join(assembly.directory, assetDirectories[0]!);
  });

  afterAll(() => {
    process.env = savedEnvironment;
  });

  it('bundles the handler into one minified ESM file with its source map', () => {
    // Arrange
    const bundlePath = path.join(bundleDirectory, 'index.mjs');

    // Act
    const bundle = readFileSync(bundlePath, 'utf8');

    // Assert
    expect(readdirSync(bundleDirectory).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(bundle).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{[^}]*\bhandler\b/);
    // Minified: a few very long lines (template literals inside dependencies keep their own line breaks).
    expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(1_000);
    expect(bundle).toContain('sourceMappingURL=index.mjs.map');
  });

  it('produces a bundle whose handler answers the health route', async () => {
    // Arrange
    Object.assign(process.env, { TABLE_NAME: 'table', EVENT_BUS_NAME: 'bus', AWS_REGION: TEST_TARGET.region, APP_VERSION: '1.2.3' });
    const { handler } = (await import(pathToFileURL(path.join(bundleDirectory, 'index.mjs')).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };

    // Act
    const response = await handler(
      {
        httpMethod: 'GET',
        path: '/v1/health',
        resource: '/v1/health',
        headers: {},
        multiValueHeaders: {},
        queryStringParameters: null,
        pathParameters: null,
        body: null,
        isBase64Encoded: false,
        requestContext: { requestId: 'request-1', httpMethod: 'GET', resourcePath: '/v1/health', stage: 'live', identity: {} },
      },
      { awsRequestId: 'request-1', functionName: 'get-health', getRemainingTimeInMillis: () => 1_000 },
    );

    // Assert
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok', version: '1.2.3', region: TEST_TARGET.region });
  });
});

describe('the function construct', () => {
  it('runs the ESM handler from an arm64 nodejs22.x function with tracing, source maps and the platform settings', () => {
    // Arrange
    const { stack } = stackWithHealthFunction('inline');

    // Act
    const template = Template.fromStack(stack);

    // Assert
    template.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      Runtime: 'nodejs22.x',
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: Match.anyValue() },
          EVENT_BUS_NAME: { Ref: Match.anyValue() },
          APP_VERSION: '1.2.3',
          POWERTOOLS_SERVICE_NAME: 'rabhan',
          NODE_OPTIONS: '--enable-source-maps',
          TOKEN_ISSUER: 'https://issuer.example',
        },
      },
    });
  });

  it('writes to its own encrypted log group with a retention period', () => {
    // Arrange
    const { stack } = stackWithHealthFunction('inline');

    // Act
    const template = Template.fromStack(stack);

    // Assert
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(logGroups).toHaveLength(1);
    expect(logGroups[0]?.Properties).toMatchObject({ KmsKeyId: expect.anything(), RetentionInDays: 365 });
  });

  it('keeps its role immutable: grants from other constructs cannot add inline policies to it', () => {
    // Arrange
    const { stack, fn } = stackWithHealthFunction('inline');
    const queueKey = new kms.Key(stack, 'Other', { enableKeyRotation: true });

    // Act
    queueKey.grantDecrypt(fn.function);
    const template = Template.fromStack(stack);

    // Assert
    expect(template.findResources('AWS::IAM::Policy')).toEqual({});
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
  });

  it('refuses queue:send-dead-letter for a function that consumes no queue', () => {
    // Arrange
    const app = new App();
    const stack = new Stack(app, 'Refusal', { env: { account: TEST_TARGET.account, region: TEST_TARGET.region } });

    // Act
    const build = () =>
      new RabhanFunction(stack, 'Broken', {
        handlerEntry: 'functions/platform/get-health.ts',
        description: 'broken',
        platform: platformIn(stack),
        permissions: ['queue:send-dead-letter'],
        bundling: 'inline',
      });

    // Assert
    expect(build).toThrow(/queue:send-dead-letter/);
  });

  it('reads its bundling mode from the rabhan:bundling context and rejects unknown modes', () => {
    // Arrange
    const app = new App({ context: { 'rabhan:bundling': 'docker' } });
    const stack = new Stack(app, 'Mode', { env: { account: TEST_TARGET.account, region: TEST_TARGET.region } });

    // Act
    const build = () =>
      new RabhanFunction(stack, 'Fn', { handlerEntry: 'functions/platform/get-health.ts', description: 'x', platform: platformIn(stack), permissions: [] });

    // Assert
    expect(build).toThrow(/rabhan:bundling must be esbuild or inline/);
  });
});

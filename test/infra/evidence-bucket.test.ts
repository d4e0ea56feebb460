/**
 * The milestone-evidence bucket of the stateful stack, and what `evidence:write` and `evidence:read` grant a
 * function on it. No route holds an evidence permission yet, so the grants are checked on functions built here
 * beside a real stateful stack; the role reaches its evidence policy across stacks, through an export.
 */
import { Stack } from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RabhanFunction, type PlatformBindings } from '../../lib/constructs/rabhan-function.ts';
import { createRabhanApp } from '../../lib/rabhan-app.ts';
import {
  EVIDENCE_ACCESS_LOG_PREFIX,
  EVIDENCE_ACCESS_LOG_RETENTION_DAYS,
  EVIDENCE_BUCKET_LOGICAL_ID,
  StatefulStack,
} from '../../lib/stacks/stateful-stack.ts';
import { PLATFORM_ENVIRONMENT_VARIABLES } from '../../shared/kernel/config/platform-config.ts';
import type { Permission } from '../../shared/kernel/deployment/permissions.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { actionsOf, buildTestApp, resourcesOfType, statementsOfFunction, TEST_TARGET, templateOf, type CfnResourceJson } from './support/test-app.ts';

type Statement = Record<string, unknown>;

const OBJECT_WRITE_ACTIONS = ['s3:PutObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:BypassGovernanceRetention'];

describe('the milestone-evidence bucket', () => {
  let template: Template;
  let bucket: CfnResourceJson & { DeletionPolicy?: string; UpdateReplacePolicy?: string };

  beforeAll(() => {
    template = templateOf(buildTestApp().stacks.stateful);
    bucket = template.toJSON().Resources[EVIDENCE_BUCKET_LOGICAL_ID] as typeof bucket;
  });

  it('encrypts every object by default with a rotating customer-managed key of its own, through a bucket key', () => {
    // Arrange
    const keyId = new Capture();
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } }, BucketKeyEnabled: true },
          ],
        },
      }),
    });

    // Act
    const key = resourcesOfType(template, 'AWS::KMS::Key').get(keyId.asString());
    const tableKeyId = new Capture();
    template.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [tableKeyId, 'Arn'] } } });

    // Assert
    expect(key?.Properties).toMatchObject({ EnableKeyRotation: true, Description: expect.stringMatching(/evidence/) });
    expect(keyId.asString()).not.toBe(tableKeyId.asString());
  });

  it('keeps every version, locked in GOVERNANCE mode for ten years by default, and is retained when the stack goes', () => {
    // Arrange and Act
    const { VersioningConfiguration, ObjectLockEnabled, ObjectLockConfiguration } = bucket.Properties;

    // Assert
    expect(VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(ObjectLockEnabled).toBe(true);
    expect(ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Years: 10 } } });
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
  });

  it('blocks every kind of public access and has no ACLs', () => {
    // Arrange and Act
    const { PublicAccessBlockConfiguration, OwnershipControls } = bucket.Properties;

    // Assert
    expect(PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it('refuses every request that is not over TLS, or is over a TLS older than 1.2', () => {
    // Arrange
    const policies = [...resourcesOfType(template, 'AWS::S3::BucketPolicy').values()].filter(
      (policy) => JSON.stringify(policy.Properties.Bucket) === JSON.stringify({ Ref: EVIDENCE_BUCKET_LOGICAL_ID }),
    );

    // Act
    const statements = policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

    // Assert
    expect(policies).toHaveLength(1);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
  });

  it('logs every access into a bucket of its own, which only the S3 logging service writes, for this bucket alone', () => {
    // Arrange
    const logBucketId = new Capture();
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      LoggingConfiguration: { DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: EVIDENCE_ACCESS_LOG_PREFIX },
    });

    // Act
    const logBucket = resourcesOfType(template, 'AWS::S3::Bucket').get(logBucketId.asString());
    const logPolicy = [...resourcesOfType(template, 'AWS::S3::BucketPolicy').values()].find(
      (policy) => JSON.stringify(policy.Properties.Bucket) === JSON.stringify({ Ref: logBucketId.asString() }),
    );

    // Assert
    expect(logBucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: EVIDENCE_ACCESS_LOG_RETENTION_DAYS, Status: 'Enabled' })] },
    });
    expect(logBucket?.Properties.AccessControl).toBeUndefined();
    expect((logPolicy?.Properties.PolicyDocument as { Statement: Statement[] }).Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Condition: {
          ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [EVIDENCE_BUCKET_LOGICAL_ID, 'Arn'] } },
          StringEquals: { 'aws:SourceAccount': TEST_TARGET.account },
        },
      }),
    );
  });
});

/** What a `{ "Fn::ImportValue": … }` in another stack stands for: the value the stateful stack exports under that name. */
function exportedValue(statefulTemplate: Template, imported: unknown): unknown {
  const name = (imported as { 'Fn::ImportValue'?: unknown } | undefined)?.['Fn::ImportValue'];
  const outputs = Object.values((statefulTemplate.toJSON().Outputs ?? {}) as Record<string, { Value: unknown; Export?: { Name: string } }>);
  return outputs.find((output) => output.Export?.Name === name)?.Value;
}

/** Statements of the stateful stack's managed policies a function's role attaches, followed through the exports. */
function attachedEvidenceStatements(functionTemplate: Template, statefulTemplate: Template, fn: CfnResourceJson): Statement[] {
  const roleLogicalId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const role = resourcesOfType(functionTemplate, 'AWS::IAM::Role').get(roleLogicalId);
  const policies = resourcesOfType(statefulTemplate, 'AWS::IAM::ManagedPolicy');
  return ((role?.Properties.ManagedPolicyArns ?? []) as unknown[]).flatMap((arn) => {
    const logicalId = (exportedValue(statefulTemplate, arn) as { Ref?: string } | undefined)?.Ref;
    const policy = logicalId === undefined ? undefined : policies.get(logicalId);
    if (policy === undefined) throw new Error(`The role attaches ${JSON.stringify(arn)}, which is no managed policy of the stateful stack`);
    return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  });
}

describe('evidence permissions on a function', () => {
  let statefulTemplate: Template;
  let functionTemplate: Template;
  const functionsByPermissions = new Map<string, CfnResourceJson>();

  function functionHolding(...permissions: Permission[]): CfnResourceJson {
    const fn = functionsByPermissions.get(permissions.join(' '));
    if (fn === undefined) throw new Error(`No function holds ${permissions.join(' ')}`);
    return fn;
  }

  beforeAll(() => {
    const app = createRabhanApp({ context: { 'rabhan:bundling': 'inline' } });
    const env = { account: TEST_TARGET.account, region: TEST_TARGET.region };
    const stateful = new StatefulStack(app, 'EvidenceStateful', { env });
    const functions = new Stack(app, 'EvidenceFunctions', { env });
    const platform: PlatformBindings = stateful.platformBindings({ appVersion: '1.2.3', runtimeEnvironment: {} });
    const held: Permission[][] = [['evidence:read'], ['evidence:write'], ['table:read']];
    held.forEach((permissions, index) => {
      // The description is how each function is found again in the template.
      new RabhanFunction(functions, `Fn${index}`, { handlerEntry: routes.getHealth.handlerEntry, description: permissions.join(' '), platform, permissions, bundling: 'inline' });
    });
    statefulTemplate = Template.fromStack(stateful);
    functionTemplate = Template.fromStack(functions);
    for (const fn of resourcesOfType(functionTemplate, 'AWS::Lambda::Function').values()) functionsByPermissions.set(String(fn.Properties.Description), fn);
  });

  it('lets a reader GetObject on the evidence objects and Decrypt with their key through S3, and never PutObject', () => {
    // Arrange
    const reader = functionHolding('evidence:read');

    // Act
    const statements = [...attachedEvidenceStatements(functionTemplate, statefulTemplate, reader), ...statementsOfFunction(functionTemplate, reader)];
    const actions = actionsOf(statements);

    // Assert
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [EVIDENCE_BUCKET_LOGICAL_ID, 'Arn'] }, '/*']] },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Condition: { StringEquals: { 'kms:ViaService': `s3.${TEST_TARGET.region}.amazonaws.com` } },
      }),
    );
    for (const action of [...OBJECT_WRITE_ACTIONS, 'kms:GenerateDataKey', 's3:*', 's3:ListBucket']) expect(actions.has(action), action).toBe(false);
  });

  it('lets a writer PutObject and GetObject (for HeadObject) on the evidence objects, with GenerateDataKey and Decrypt through S3, and no delete or lock change', () => {
    // Arrange
    const writer = functionHolding('evidence:write');

    // Act
    const statements = [...attachedEvidenceStatements(functionTemplate, statefulTemplate, writer), ...statementsOfFunction(functionTemplate, writer)];
    const actions = actionsOf(statements);

    // Assert
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: expect.arrayContaining(['s3:PutObject', 's3:GetObject']),
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [EVIDENCE_BUCKET_LOGICAL_ID, 'Arn'] }, '/*']] },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: expect.arrayContaining(['kms:GenerateDataKey', 'kms:Decrypt']),
        Condition: { StringEquals: { 'kms:ViaService': `s3.${TEST_TARGET.region}.amazonaws.com` } },
      }),
    );
    for (const action of OBJECT_WRITE_ACTIONS.filter((action) => action !== 's3:PutObject')) expect(actions.has(action), action).toBe(false);
  });

  it('names the evidence bucket in EVIDENCE_BUCKET_NAME for functions holding an evidence permission, and gives others neither the name nor a policy', () => {
    // Arrange
    const variable = PLATFORM_ENVIRONMENT_VARIABLES.evidenceBucketName;
    const variableOf = (fn: CfnResourceJson): unknown => (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables[variable];
    const other = functionHolding('table:read');

    // Act
    const names = [functionHolding('evidence:read'), functionHolding('evidence:write')].map(variableOf);

    // Assert
    for (const name of names) expect(exportedValue(statefulTemplate, name)).toEqual({ Ref: EVIDENCE_BUCKET_LOGICAL_ID });
    expect(variableOf(other)).toBeUndefined();
    expect(attachedEvidenceStatements(functionTemplate, statefulTemplate, other)).toEqual([]);
  });

  it('refuses an evidence permission on a platform without the evidence bucket', () => {
    // Arrange
    const app = createRabhanApp({ context: { 'rabhan:bundling': 'inline' } });
    const env = { account: TEST_TARGET.account, region: TEST_TARGET.region };
    const stateful = new StatefulStack(app, 'NoEvidenceStateful', { env });
    const { evidence: _evidence, ...withoutEvidence } = stateful.platformBindings({ appVersion: '1.2.3', runtimeEnvironment: {} });
    const functions = new Stack(app, 'NoEvidenceFunctions', { env });

    // Act
    const build = () =>
      new RabhanFunction(functions, 'Reader', {
        handlerEntry: routes.getHealth.handlerEntry,
        description: 'reader',
        platform: withoutEvidence,
        permissions: ['evidence:read'],
        bundling: 'inline',
      });

    // Assert
    expect(build).toThrow(/evidence:read but the platform has no evidence bucket/);
  });
});

import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEXES, TABLE_SCHEMA } from '../../shared/catalog/keys.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { EVENT_ARCHIVE_RETENTION_DAYS, TABLE_BACKUP_RETENTION_DAYS } from '../../lib/stacks/stateful-stack.ts';
import { buildTestApp, resourcesOfType, templateOf } from './support/test-app.ts';

describe('the stateful stack', () => {
  let template: Template;

  beforeAll(() => {
    template = templateOf(buildTestApp().stacks.stateful);
  });

  it('builds one table keyed PK/SK with every index from INDEXES, the TTL attribute and a new-and-old-images stream', () => {
    // Arrange
    const expectedIndexes = Object.values(INDEXES).map((index) =>
      Match.objectLike({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      }),
    );

    // Act
    const tables = template.findResources('AWS::DynamoDB::Table');

    // Assert
    expect(Object.keys(tables)).toHaveLength(1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.arrayEquals(expectedIndexes),
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('protects the table: on demand, point-in-time recovery, deletion protection, retained when the stack goes', () => {
    // Arrange
    const expected = {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    };

    // Act and Assert
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike(expected),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('encrypts the table with its own rotating customer-managed key', () => {
    // Arrange
    const keyId = new Capture();
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });

    // Act
    const key = resourcesOfType(template, 'AWS::KMS::Key').get(keyId.asString());

    // Assert
    expect(key?.Properties).toMatchObject({ EnableKeyRotation: true });
    expect(key?.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
  });

  it('creates every application key from APPLICATION_KEYS with its spec and usage, rotating only symmetric keys', () => {
    // Arrange
    const keys = [...resourcesOfType(template, 'AWS::KMS::Key').values()].map((key) => key.Properties);

    // Act and Assert
    for (const definition of Object.values(APPLICATION_KEYS)) {
      expect(keys).toContainEqual(
        expect.objectContaining({ KeySpec: definition.keySpec, KeyUsage: definition.keyUsage, EnableKeyRotation: definition.rotate }),
      );
    }
    expect(keys).toContainEqual(expect.objectContaining({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
  });

  it('retains every key and waits the longest window before a scheduled deletion', () => {
    // Arrange and Act
    const keys = template.findResources('AWS::KMS::Key');

    // Assert
    for (const key of Object.values(keys)) {
      expect(key).toMatchObject({ DeletionPolicy: 'Retain', Properties: { PendingWindowInDays: 30 } });
    }
  });

  it('creates the custom event bus with an archive kept EVENT_ARCHIVE_RETENTION_DAYS', () => {
    // Arrange
    const busId = new Capture();

    // Act
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] },
      RetentionDays: EVENT_ARCHIVE_RETENTION_DAYS,
    });

    // Assert
    expect(resourcesOfType(template, 'AWS::Events::EventBus').has(busId.asString())).toBe(true);
  });

  it('backs the table up daily to a vault encrypted with the table key', () => {
    // Arrange
    const tableId = new Capture();

    // Act
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ Lifecycle: { DeleteAfterDays: TABLE_BACKUP_RETENTION_DAYS } })] },
    });
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] }),
    });

    // Assert
    expect(resourcesOfType(template, 'AWS::DynamoDB::Table').has(tableId.asString())).toBe(true);
    const tableKey = (resourcesOfType(template, 'AWS::DynamoDB::Table').get(tableId.asString())?.Properties.SSESpecification as {
      KMSMasterKeyId: unknown;
    }).KMSMasterKeyId;
    template.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: tableKey });
  });

  it('creates no global table, replica or multi-Region key', () => {
    // Arrange and Act
    const keys = [...resourcesOfType(template, 'AWS::KMS::Key').values()];

    // Assert
    expect(template.findResources('AWS::DynamoDB::GlobalTable')).toEqual({});
    expect(template.findResources('AWS::KMS::ReplicaKey')).toEqual({});
    expect(keys.every((key) => key.Properties.MultiRegion !== true)).toBe(true);
  });
});

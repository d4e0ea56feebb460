/**
 * Everything that holds data or keys, deployed first and never replaced lightly: the single table (built from
 * TABLE_SCHEMA), the KMS keys (the application keys from APPLICATION_KEYS plus infrastructure keys), the platform
 * event bus with its archive, a backup plan for the table, and the milestone-evidence bucket with its access logs.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { WEBHOOK_SECRETS, type WebhookSecretName } from '../../shared/kernel/deployment/webhook-secrets.ts';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/catalog/keys.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { EVIDENCE_RETENTION } from '../../shared/kernel/deployment/evidence-bucket.ts';
import { acknowledge } from '../compliance.ts';
import type { ApplicationKeyName, EvidenceBucketBindings, PlatformBindings } from '../constructs/rabhan-function.ts';

/** Archived events can be replayed to rebuild an integration; a year matches the audit history we keep. */
export const EVENT_ARCHIVE_RETENTION_DAYS = 365;
/** Daily table backups kept beyond PITR's 35-day window, for recovery from a slow-burning data error. */
export const TABLE_BACKUP_RETENTION_DAYS = 90;
/** Waiting period before a scheduled key deletion takes effect: the maximum, as losing a key loses data. */
export const KEY_DELETION_WINDOW = Duration.days(30);
/**
 * The evidence bucket's logical id, fixed rather than hashed: the acknowledgement of its object wildcard names the
 * bucket's ARN as cdk-nag prints it (`<EvidenceBucket.Arn>/*`), whatever the stack prefix.
 */
export const EVIDENCE_BUCKET_LOGICAL_ID = 'EvidenceBucket';
/** Where the evidence bucket's server access logs go in their bucket. */
export const EVIDENCE_ACCESS_LOG_PREFIX = 'evidence/';
/** Who read or wrote a piece of evidence is kept as long as the evidence itself (EVIDENCE_RETENTION), leap days included. */
export const EVIDENCE_ACCESS_LOG_RETENTION_DAYS = Math.ceil(EVIDENCE_RETENTION.years * 365.25);
/** A log version deleted or expired stays recoverable this long. */
export const EVIDENCE_ACCESS_LOG_NONCURRENT_DAYS = 90;

export interface StatefulStackProps extends StackProps {
  /**
   * How long the bus archive keeps events.
   * @default EVENT_ARCHIVE_RETENTION_DAYS
   */
  readonly eventArchiveRetentionDays?: number;
  /**
   * How long daily table backups are kept.
   * @default TABLE_BACKUP_RETENTION_DAYS
   */
  readonly tableBackupRetentionDays?: number;
}

function applicationKey(scope: Construct, name: ApplicationKeyName): kms.Key {
  const definition = APPLICATION_KEYS[name];
  return new kms.Key(scope, `${name[0]?.toUpperCase()}${name.slice(1)}Key`, {
    description: `RABHAN ${name}: ${definition.description}`,
    keySpec: kms.KeySpec[definition.keySpec],
    keyUsage: kms.KeyUsage[definition.keyUsage],
    enableKeyRotation: definition.rotate,
    pendingWindow: KEY_DELETION_WINDOW,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

function symmetricKey(scope: Construct, id: string, description: string): kms.Key {
  return new kms.Key(scope, id, {
    description,
    enableKeyRotation: true,
    pendingWindow: KEY_DELETION_WINDOW,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly tableKey: kms.Key;
  readonly applicationKeys: Readonly<Record<ApplicationKeyName, kms.Key>>;
  /** Encrypts CloudWatch log groups. */
  readonly logsKey: kms.Key;
  /** Encrypts SQS queues and SNS topics. */
  readonly messagingKey: kms.Key;
  readonly eventBus: events.EventBus;
  readonly eventArchive: events.Archive;
  /** Encrypts the webhook signing secrets. */
  readonly secretsKey: kms.Key;
  readonly webhookSecrets: Readonly<Record<WebhookSecretName, secretsmanager.Secret>>;
  /** Encrypts the milestone evidence. */
  readonly evidenceKey: kms.Key;
  /** Milestone evidence contractors upload through presigned forms: KMS-encrypted, versioned, locked for the records period. */
  readonly evidenceBucket: s3.Bucket;
  /** Server access logs of the evidence bucket: who fetched or uploaded which file, and when. */
  readonly evidenceAccessLogs: s3.Bucket;
  /** What `evidence:write` and `evidence:read` grant, as policies functions' roles attach (see EvidenceBucketBindings). */
  readonly evidenceWriteAccess: iam.ManagedPolicy;
  readonly evidenceReadAccess: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);

    this.tableKey = symmetricKey(this, 'TableKey', 'RABHAN table: encryption at rest of the single table and its backups.');
    this.logsKey = symmetricKey(this, 'LogsKey', 'RABHAN logs: CloudWatch log groups of functions, API, WAF and pipe.');
    this.messagingKey = symmetricKey(this, 'MessagingKey', 'RABHAN messaging: SQS queues and the alarm topic.');
    this.secretsKey = symmetricKey(this, 'SecretsKey', 'RABHAN secrets: webhook signing secrets issued by NAFATH and the payment gateway.');
    this.evidenceKey = symmetricKey(this, 'EvidenceKey', 'RABHAN evidence: milestone evidence files in the evidence bucket.');
    this.webhookSecrets = Object.fromEntries(
      (Object.keys(WEBHOOK_SECRETS) as WebhookSecretName[]).map((name) => {
        // Created with a random placeholder; operators put the provider-issued value in before go-live.
        const secret = new secretsmanager.Secret(this, `${name[0]?.toUpperCase()}${name.slice(1)}Secret`, {
          description: WEBHOOK_SECRETS[name].description,
          encryptionKey: this.secretsKey,
          generateSecretString: { passwordLength: 64, excludePunctuation: true },
          removalPolicy: RemovalPolicy.RETAIN,
        });
        acknowledge(secret, 'webhookSecretRotatedByProvider');
        return [name, secret];
      }),
    ) as Record<WebhookSecretName, secretsmanager.Secret>;
    this.applicationKeys = Object.fromEntries(
      (Object.keys(APPLICATION_KEYS) as ApplicationKeyName[]).map((name) => [name, applicationKey(this, name)]),
    ) as Record<ApplicationKeyName, kms.Key>;
    this.allowServicesToUseKeys();

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      stream: dynamodb.StreamViewType[TABLE_SCHEMA.streamViewType],
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
    });
    for (const index of TABLE_SCHEMA.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    this.backUpTable(props.tableBackupRetentionDays ?? TABLE_BACKUP_RETENTION_DAYS);

    this.evidenceAccessLogs = this.evidenceAccessLogBucket();
    this.evidenceBucket = this.evidenceBucketLoggingTo(this.evidenceAccessLogs);
    this.evidenceWriteAccess = this.evidenceAccessPolicy('EvidenceWriteAccess', 'evidence:write', ['s3:PutObject', 's3:GetObject'], ['kms:GenerateDataKey', 'kms:Decrypt']);
    this.evidenceReadAccess = this.evidenceAccessPolicy('EvidenceReadAccess', 'evidence:read', ['s3:GetObject'], ['kms:Decrypt']);

    this.eventBus = new events.EventBus(this, 'EventBus', { description: 'RABHAN platform events, published from the outbox.' });
    this.eventArchive = this.eventBus.archive('EventArchive', {
      description: 'Every platform event, for replay to integrations.',
      eventPattern: { account: [this.account] },
      retention: Duration.days(props.eventArchiveRetentionDays ?? EVENT_ARCHIVE_RETENTION_DAYS),
    });
  }

  /** The bindings every function receives. */
  platformBindings(settings: { appVersion: string; runtimeEnvironment: Readonly<Record<string, string>> }): PlatformBindings {
    return {
      table: this.table,
      tableKey: this.tableKey,
      eventBus: this.eventBus,
      applicationKeys: this.applicationKeys,
      logsKey: this.logsKey,
      webhookSecrets: this.webhookSecrets,
      evidence: this.evidenceBindings(),
      appVersion: settings.appVersion,
      runtimeEnvironment: settings.runtimeEnvironment,
    };
  }

  /** What functions holding `evidence:write` or `evidence:read` are wired to. */
  evidenceBindings(): EvidenceBucketBindings {
    return { bucket: this.evidenceBucket, writeAccess: this.evidenceWriteAccess, readAccess: this.evidenceReadAccess };
  }

  /**
   * S3 delivers server access logs only into a bucket whose default encryption uses S3-managed keys, and never into
   * one with Object Lock; so the logs get a bucket of their own, written by the S3 logging service only.
   */
  private evidenceAccessLogBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'EvidenceAccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      // No ACLs: the logging service is admitted by the bucket policy below.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        {
          expiration: Duration.days(EVIDENCE_ACCESS_LOG_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(EVIDENCE_ACCESS_LOG_NONCURRENT_DAYS),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(bucket, 'accessLogBucketS3ManagedKey', 'bucketStaysInRegion');
    return bucket;
  }

  private evidenceBucketLoggingTo(accessLogs: s3.Bucket): s3.Bucket {
    const bucket = new s3.Bucket(this, 'EvidenceBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.evidenceKey,
      // One data key per bucket instead of per object: far fewer KMS calls, same key, same grants.
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const resource = bucket.node.defaultChild as s3.CfnBucket;
    resource.overrideLogicalId(EVIDENCE_BUCKET_LOGICAL_ID);
    // In whole years, as the records rule is written (the L2 construct would render a retention in days).
    resource.objectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: EVIDENCE_RETENTION.mode, years: EVIDENCE_RETENTION.years } },
    };
    // Set here rather than through serverAccessLogsBucket, which without the bucket-policy feature flag would turn
    // ACLs back on in the log bucket; the logging service is admitted by policy, for this bucket only.
    resource.loggingConfiguration = { destinationBucketName: accessLogs.bucketName, logFilePrefix: EVIDENCE_ACCESS_LOG_PREFIX };
    accessLogs.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [accessLogs.arnForObjects(`${EVIDENCE_ACCESS_LOG_PREFIX}*`)],
        conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    acknowledge(bucket, 'bucketStaysInRegion');
    return bucket;
  }

  /**
   * One policy per evidence permission, attached to the role of every function holding it. It lives here, beside the
   * bucket, because its object wildcard (`<bucket ARN>/*`: keys are chosen per upload) must be acknowledged by an
   * id that names the bucket, and only in this stack does that id not depend on the stack prefix.
   */
  private evidenceAccessPolicy(id: string, permission: string, objectActions: string[], keyActions: string[]): iam.ManagedPolicy {
    const policy = new iam.ManagedPolicy(this, id, {
      description: `${permission}: the milestone-evidence objects and their key (through S3 only)`,
      statements: [
        new iam.PolicyStatement({ actions: objectActions, resources: [this.evidenceBucket.arnForObjects('*')] }),
        new iam.PolicyStatement({
          actions: keyActions,
          resources: [this.evidenceKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
        }),
      ],
    });
    acknowledge(policy, 'evidenceObjectsByKey');
    return policy;
  }

  /** Key policies for the AWS services that encrypt on our behalf, each limited to this account's resources. */
  private allowServicesToUseKeys(): void {
    this.logsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*` },
        },
      }),
    );
    // Rules deliver events to the encrypted integration queues; SQS uses the key on EventBridge's behalf.
    this.messagingKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.messagingKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
  }

  private backUpTable(retentionDays: number): void {
    const vault = new backup.BackupVault(this, 'BackupVault', { encryptionKey: this.tableKey, removalPolicy: RemovalPolicy.RETAIN });
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'DailyTableBackup',
          scheduleExpression: events.Schedule.cron({ hour: '1', minute: '0' }),
          deleteAfter: Duration.days(retentionDays),
        }),
      ],
    });
    const selection = plan.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(this.table)] });
    acknowledge(selection, 'backupServiceRole');
  }
}

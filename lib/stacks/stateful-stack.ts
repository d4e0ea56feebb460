/**
 * Everything that holds data or keys, deployed first and never replaced lightly: the single table (built from
 * TABLE_SCHEMA), the KMS keys (the application keys from APPLICATION_KEYS plus infrastructure keys), the platform
 * event bus with its archive, and a backup plan for the table.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { WEBHOOK_SECRETS, type WebhookSecretName } from '../../shared/kernel/deployment/webhook-secrets.ts';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/catalog/keys.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { acknowledge } from '../compliance.ts';
import type { ApplicationKeyName, PlatformBindings } from '../constructs/rabhan-function.ts';

/** Archived events can be replayed to rebuild an integration; a year matches the audit history we keep. */
export const EVENT_ARCHIVE_RETENTION_DAYS = 365;
/** Daily table backups kept beyond PITR's 35-day window, for recovery from a slow-burning data error. */
export const TABLE_BACKUP_RETENTION_DAYS = 90;
/** Waiting period before a scheduled key deletion takes effect: the maximum, as losing a key loses data. */
export const KEY_DELETION_WINDOW = Duration.days(30);

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

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);

    this.tableKey = symmetricKey(this, 'TableKey', 'RABHAN table: encryption at rest of the single table and its backups.');
    this.logsKey = symmetricKey(this, 'LogsKey', 'RABHAN logs: CloudWatch log groups of functions, API, WAF and pipe.');
    this.messagingKey = symmetricKey(this, 'MessagingKey', 'RABHAN messaging: SQS queues and the alarm topic.');
    this.secretsKey = symmetricKey(this, 'SecretsKey', 'RABHAN secrets: webhook signing secrets issued by NAFATH and the payment gateway.');
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
      appVersion: settings.appVersion,
      runtimeEnvironment: settings.runtimeEnvironment,
    };
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

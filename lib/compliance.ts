/**
 * Compliance checks run on every synthesis: the cdk-nag AWS Solutions, PCI DSS 3.2.1 and NIST 800-53 rev 5 packs.
 * cdk-nag 3 runs as a CDK policy-validation plugin, so an unacknowledged finding fails `cdk synth`.
 *
 * Every acknowledgement lives in ACKNOWLEDGEMENTS below with the reason it is acceptable, and is applied to the
 * narrowest construct that needs it. docs/deployment.md lists them; a test keeps the two in step.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { AwsSolutionsChecks, NIST80053R5Checks, PCIDSS321Checks, type NagPack } from 'cdk-nag';

/** The packs applied to the app, in a fresh instance each call (a pack keeps state between validations). */
export function compliancePacks(): NagPack[] {
  return [new AwsSolutionsChecks(), new PCIDSS321Checks(), new NIST80053R5Checks()];
}

export function applyComplianceChecks(scope: IConstruct): void {
  Validations.of(scope).addPlugins(...compliancePacks());
}

export interface AcknowledgementDefinition {
  /** Rule ids as cdk-nag reports them, a finding-specific id being `Rule[Finding]`. */
  readonly ruleIds: readonly string[];
  readonly reason: string;
}

const AWS_MANAGED_POLICY = (name: string): string => `Policy::arn:<AWS::Partition>:iam::aws:policy/${name}`;

export const ACKNOWLEDGEMENTS = {
  webhookSecretRotatedByProvider: {
    ruleIds: ['AwsSolutions-SMG4', 'NIST.800.53.R5-SecretsManagerRotationEnabled'],
    reason:
      'The webhook signing secrets are issued by NAFATH and the payment gateway, which sign with them; a Secrets Manager rotation Lambda cannot change the value on the provider side, so rotation follows the provider\'s key-rollover process and operators update the secret value then.',
  },
  lambdaRuntimePinned: {
    ruleIds: ['AwsSolutions-L1'],
    reason:
      'The blueprint pins every function to nodejs22.x and the bundles target node22; moving to a newer runtime is a deliberate upgrade tested across all handlers, not a side effect of a library bump.',
  },
  lambdaOutsideVpc: {
    ruleIds: ['NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    reason:
      'Functions reach only IAM-authenticated AWS APIs over TLS (DynamoDB, KMS, SQS, EventBridge) and the government services over the internet; no resource is VPC-private, so a VPC would add NAT egress without narrowing any data path.',
  },
  lambdaNoAsyncDlq: {
    ruleIds: ['NIST.800.53.R5-LambdaDLQ'],
    reason:
      'No function is invoked asynchronously: API Gateway and the outbox Pipe invoke synchronously and SQS consumers run from an event source mapping whose queue has its own DLQ; a Lambda DLQ only receives failed asynchronous invocations and would stay empty.',
  },
  lambdaConcurrencyBoundedElsewhere: {
    ruleIds: ['NIST.800.53.R5-LambdaConcurrency'],
    reason:
      'Concurrency is bounded per route by stage and method throttling plus the WAF rate rule, and per integration by the event source mapping MaximumConcurrency from the integration table; reserved concurrency would carve the regional pool and fails deployment in accounts with default quotas.',
  },
  xrayNeedsWildcard: {
    ruleIds: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (AWS service authorization reference), so active tracing can only be granted on Resource "*"; the statement carries no other action.',
  },
  apiNoResponseCache: {
    ruleIds: ['NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted'],
    reason:
      'Responses are per-principal personal and financial data; caching them in API Gateway would serve stale state and hold personal data outside the table key. No cache cluster is provisioned, so there is no cache to encrypt.',
  },
  apiLambdaBackendsOnly: {
    ruleIds: ['NIST.800.53.R5-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'],
    reason:
      'Every integration is a Lambda proxy integration invoked through the signed Lambda API; a stage client certificate only authenticates API Gateway to HTTP backends, and there are none.',
  },
  publicRoute: {
    ruleIds: ['AwsSolutions-APIG4', 'AwsSolutions-COG4'],
    reason:
      'Applied only to methods whose route table access is public: they must answer before sign-in (health, OpenAPI, NAFATH sign-in, token refresh, JWKS, the 404 catch-all), and any that trusts its input authenticates it in the handler, as the NAFATH callback does with its HMAC signature.',
  },
  lambdaAuthorizerNotCognito: {
    ruleIds: ['AwsSolutions-COG4'],
    reason:
      'Role routes are authorized by the Lambda REQUEST authorizer, which verifies ES256 access tokens signed in KMS after a NAFATH (national SSO) sign-in; there is deliberately no Cognito user pool.',
  },
  apiGatewayLoggingRole: {
    ruleIds: ['AwsSolutions-IAM4[' + AWS_MANAGED_POLICY('service-role/AmazonAPIGatewayPushToCloudWatchLogs') + ']'],
    reason:
      'The account-level role API Gateway assumes to write execution logs; AWS documents AmazonAPIGatewayPushToCloudWatchLogs as its policy and maintains it as API Gateway logging changes.',
  },
  backupServiceRole: {
    ruleIds: ['AwsSolutions-IAM4[' + AWS_MANAGED_POLICY('service-role/AWSBackupServiceRolePolicyForBackup') + ']'],
    reason:
      'AWS Backup assumes this role to snapshot the table; AWS documents AWSBackupServiceRolePolicyForBackup as the role policy and maintains it as Backup adds per-service requirements, which a hand-written copy would silently miss.',
  },
  bucketStaysInRegion: {
    ruleIds: ['NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
    reason:
      'Data residency: the evidence and its access logs must stay in the allowed region, and cross-region replication would copy them out of it (the residency replication guard refuses any S3 replication configuration). Durability comes from S3 storing every object across the region\'s availability zones, versioning and Object Lock.',
  },
  accessLogBucketS3ManagedKey: {
    ruleIds: ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    reason:
      'S3 server access logging delivers only into a bucket whose default encryption is SSE-S3; SSE-KMS is not supported on a log destination. The logs hold request records (keys, requesters, times), never evidence contents, and are still encrypted at rest with S3-managed AES-256 keys.',
  },
  evidenceObjectsByKey: {
    ruleIds: ['AwsSolutions-IAM5[Resource::<EvidenceBucket.Arn>/*]'],
    reason:
      'Evidence object keys are chosen per upload (project, milestone, file), so evidence:write and evidence:read can only be granted on the objects of the one evidence bucket; the statements carry GetObject and, for writers, PutObject, with no list, delete, retention or lock-bypass action.',
  },
  pipeDeadLetterQueue: {
    ruleIds: ['AwsSolutions-SQS3'],
    reason:
      'This queue is itself the dead-letter queue of the outbox Pipe (its DeadLetterConfig); the rule only recognises DLQs named by another queue RedrivePolicy or a function DeadLetterConfig.',
  },
} as const satisfies Record<string, AcknowledgementDefinition>;

export type AcknowledgementName = keyof typeof ACKNOWLEDGEMENTS;

/** Acknowledges the named findings on `scope` and everything below it, with the reason from the registry. */
export function acknowledge(scope: IConstruct, ...names: readonly AcknowledgementName[]): void {
  for (const name of names) {
    const { ruleIds, reason } = ACKNOWLEDGEMENTS[name];
    Validations.of(scope).acknowledge(...ruleIds.map((id) => ({ id, reason })));
  }
}

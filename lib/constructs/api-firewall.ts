/**
 * The edge firewall in front of the REST API stage: AWS managed rule groups (common, known bad inputs, IP
 * reputation), per-IP rate-based rules (one for customers, a looser one for partner callbacks) and a request-body
 * size limit, with logging to an encrypted log group.
 * WAF is why the API is a REST API: WAFv2 attaches to REST API stages, not to HTTP APIs.
 */
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { FUNCTION_LOG_RETENTION } from './rabhan-function.ts';

/** Largest request body the API accepts; larger bodies are blocked at the edge before any function runs. */
export const REQUEST_BODY_SIZE_MAX_BYTES = 64 * 1024;
/**
 * How much of the body API Gateway forwards to WAF for inspection (16 KB unless raised). It must cover the limit
 * above, or bodies between the two sizes would be judged on a prefix.
 */
const BODY_INSPECTION_LIMIT = 'KB_64';
/** Requests one client IP may send per evaluation window before WAF blocks it, on top of API Gateway throttling. */
export const WAF_RATE_LIMIT_PER_IP = 2_000;
export const WAF_RATE_WINDOW_SECONDS = 300;
/**
 * The same for one partner address calling back (NAFATH outcomes, payment webhooks): one address carries every
 * customer's callbacks, so the customer limit would block sign-ins and payments at ordinary volumes. Per-route
 * API Gateway throttling still applies behind it.
 */
export const WAF_PARTNER_CALLBACK_RATE_LIMIT_PER_IP = 60_000;
/** Headers that carry credentials and are never written to WAF logs. */
export const WAF_REDACTED_HEADERS = ['authorization', 'cookie', 'x-poll-token'] as const;
/** WAF only delivers logs to CloudWatch log groups whose name has this prefix. */
const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';

interface ManagedGroup {
  readonly name: string;
  /** Rules of the group switched to count because another rule here enforces them differently. */
  readonly countedRules?: readonly string[];
}

const MANAGED_RULE_GROUPS: readonly ManagedGroup[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList' },
  // The common set blocks bodies over 8 KB; our own size rule enforces REQUEST_BODY_SIZE_MAX_BYTES instead.
  { name: 'AWSManagedRulesCommonRuleSet', countedRules: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
];

export interface ApiFirewallProps {
  readonly stage: apigateway.Stage;
  readonly logsKey: kms.IKey;
  /** @default REQUEST_BODY_SIZE_MAX_BYTES */
  readonly requestBodySizeMaxBytes?: number;
  /** @default WAF_RATE_LIMIT_PER_IP */
  readonly rateLimitPerIp?: number;
  /**
   * The exact URI paths, as WAF sees them, where partners call back; they get WAF_PARTNER_CALLBACK_RATE_LIMIT_PER_IP.
   * Exact, so that no other path (an unknown one under the same prefix, say) gets the looser limit.
   */
  readonly partnerCallbackPaths: readonly string[];
  /**
   * Public routes that compute for anyone (the solar calculator), each with its own per-IP limit, as exact URI paths
   * the way WAF sees them. Each gets a rate rule scoped to its paths, after the API-wide ones: a request counts
   * against both, so the tighter of the two applies.
   */
  readonly pathRateLimits?: readonly { readonly name: string; readonly paths: readonly string[]; readonly limitPerIp: number }[];
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

export class ApiFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const bodySizeMax = props.requestBodySizeMaxBytes ?? REQUEST_BODY_SIZE_MAX_BYTES;

    // No URL decoding: an encoded path does not match, so it falls under the stricter customer limit.
    const isPath = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'EXACTLY', searchString: path, textTransformations: [{ priority: 0, type: 'NONE' }] },
    });
    const paths = props.partnerCallbackPaths.map(isPath);
    if (paths.length === 0) throw new Error('At least one partner callback path is required');
    const partnerCallbacks: wafv2.CfnWebACL.StatementProperty = paths.length === 1 ? paths[0]! : { orStatement: { statements: paths } };

    const ownRules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        name: 'RequestBodyTooLarge',
        priority: 0,
        action: { block: {} },
        visibilityConfig: visibility('RequestBodyTooLarge'),
        statement: {
          sizeConstraintStatement: {
            fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
            comparisonOperator: 'GT',
            size: bodySizeMax,
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
      },
      {
        name: 'RateLimitPerIp',
        priority: 1,
        action: { block: {} },
        visibilityConfig: visibility('RateLimitPerIp'),
        statement: {
          rateBasedStatement: {
            aggregateKeyType: 'IP',
            limit: props.rateLimitPerIp ?? WAF_RATE_LIMIT_PER_IP,
            evaluationWindowSec: WAF_RATE_WINDOW_SECONDS,
            scopeDownStatement: { notStatement: { statement: partnerCallbacks } },
          },
        },
      },
      {
        name: 'RateLimitPerPartnerIp',
        priority: 2,
        action: { block: {} },
        visibilityConfig: visibility('RateLimitPerPartnerIp'),
        statement: {
          rateBasedStatement: {
            aggregateKeyType: 'IP',
            limit: WAF_PARTNER_CALLBACK_RATE_LIMIT_PER_IP,
            evaluationWindowSec: WAF_RATE_WINDOW_SECONDS,
            scopeDownStatement: partnerCallbacks,
          },
        },
      },
      ...(props.pathRateLimits ?? []).map((scoped, index): wafv2.CfnWebACL.RuleProperty => {
        const scopedPaths = scoped.paths.map(isPath);
        if (scopedPaths.length === 0) throw new Error(`The rate rule ${scoped.name} names no path`);
        return {
          name: `RateLimitPerIp${scoped.name}`,
          priority: 3 + index,
          action: { block: {} },
          visibilityConfig: visibility(`RateLimitPerIp${scoped.name}`),
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: scoped.limitPerIp,
              evaluationWindowSec: WAF_RATE_WINDOW_SECONDS,
              scopeDownStatement: scopedPaths.length === 1 ? scopedPaths[0]! : { orStatement: { statements: scopedPaths } },
            },
          },
        };
      }),
    ];
    const managedRules: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((group, index) => ({
      name: group.name,
      priority: ownRules.length + index,
      overrideAction: { none: {} },
      visibilityConfig: visibility(group.name),
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group.name,
          ...(group.countedRules === undefined
            ? {}
            : { ruleActionOverrides: group.countedRules.map((name) => ({ name, actionToUse: { count: {} } })) }),
        },
      },
    }));

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      description: 'RABHAN API edge protection',
      visibilityConfig: visibility('RabhanApi'),
      rules: [...ownRules, ...managedRules],
      associationConfig: { requestBody: { API_GATEWAY: { defaultSizeInspectionLimit: BODY_INSPECTION_LIMIT } } },
    });

    new wafv2.CfnWebACLAssociation(this, 'StageAssociation', { resourceArn: props.stage.stageArn, webAclArn: this.webAcl.attrArn });

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `${WAF_LOG_GROUP_PREFIX}${stack.stackName}`,
      retention: FUNCTION_LOG_RETENTION,
      encryptionKey: props.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: this.logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      redactedFields: WAF_REDACTED_HEADERS.map((name) => ({ singleHeader: { Name: name } })),
    });
  }
}

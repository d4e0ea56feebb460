/**
 * Composes the stacks for one deployment target: stateful → API, integrations → observability. Wiring is plain:
 * later stacks receive the constructs they need as props. The residency guard has already chosen the target;
 * the replication guard aspect keeps every resource inside it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Aspects, type AppProps } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { SECURITY_ENVIRONMENT_VARIABLES } from '../shared/kernel/config/security-config.ts';
import { loadLendingPolicy, loadPlanPolicy, POLICY_ENVIRONMENT_VARIABLES } from '../shared/kernel/config/policy-config.ts';
import { ResidencyReplicationGuard } from './aspects/residency-replication-guard.ts';
import { PROJECT_ROOT, type BundlingMode, type RabhanFunction } from './constructs/rabhan-function.ts';
import { routes } from '../shared/catalog/routes.ts';
import { scheduledJobs } from '../shared/catalog/schedules.ts';
import { loadProjectPolicy } from '../shared/projects/index.ts';
import type { DeploymentTarget } from './residency.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { RouteFunctionsStack } from './stacks/route-functions-stack.ts';
import { IntegrationsStack } from './stacks/integrations-stack.ts';
import { ObservabilityStack } from './stacks/observability-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';

/**
 * Feature flags this app relies on, set after CLI context so that an old cdk.json cannot weaken them.
 * Queues targeted by rules accept only events from this account; IAM statements are merged.
 */
export const REQUIRED_FEATURE_FLAGS: Readonly<Record<string, boolean>> = {
  [cxapi.EVENTS_TARGET_QUEUE_SAME_ACCOUNT]: true,
  [cxapi.IAM_MINIMIZE_POLICIES]: true,
  [cxapi.KMS_REDUCE_CROSS_ACCOUNT_REGION_POLICY_SCOPE]: true,
  [cxapi.APIGATEWAY_LOG_GROUP_DESTINATION_ARN_WITHOUT_WILDCARD]: true,
  [cxapi.APIGATEWAY_REQUEST_VALIDATOR_UNIQUE_ID]: true,
  [cxapi.APIGATEWAY_AUTHORIZER_CHANGE_DEPLOYMENT_LOGICAL_ID]: true,
};

/** Context keys for non-secret runtime settings handed to every function, when given. */
export const RUNTIME_SETTING_CONTEXT_KEYS = {
  tokenIssuer: SECURITY_ENVIRONMENT_VARIABLES.tokenIssuer,
  nafathBaseUrl: SECURITY_ENVIRONMENT_VARIABLES.nafathBaseUrl,
  simahBaseUrl: SECURITY_ENVIRONMENT_VARIABLES.simahBaseUrl,
  secBaseUrl: SECURITY_ENVIRONMENT_VARIABLES.secBaseUrl,
  zatcaBaseUrl: SECURITY_ENVIRONMENT_VARIABLES.zatcaBaseUrl,
  paymentGatewayBaseUrl: SECURITY_ENVIRONMENT_VARIABLES.paymentGatewayBaseUrl,
  payoutProviderBaseUrl: SECURITY_ENVIRONMENT_VARIABLES.payoutProviderBaseUrl,
} as const;
export const APP_VERSION_CONTEXT_KEY = 'appVersion';
export const STACK_PREFIX_CONTEXT_KEY = 'stackPrefix';
export const DEFAULT_STACK_PREFIX = 'Rabhan';

export function createRabhanApp(props: AppProps = {}): App {
  return new App({ ...props, postCliContext: { ...REQUIRED_FEATURE_FLAGS, ...props.postCliContext } });
}

export interface RabhanStacks {
  readonly stateful: StatefulStack;
  readonly routeFunctions: RouteFunctionsStack;
  readonly api: ApiStack;
  readonly integrations: IntegrationsStack;
  readonly observability: ObservabilityStack;
}

export interface RabhanStacksOptions {
  /** @default - the `rabhan:bundling` context value, else esbuild */
  readonly bundling?: BundlingMode;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

/**
 * Policy overrides come from `-c policy.<name>=<value>`, one context key per overridable policy value, plus
 * `policy.samaCircular`, which names the SAMA circular allowing a value beyond a SAMA rule.
 */
export const POLICY_CONTEXT_KEYS = Object.fromEntries(
  Object.entries(POLICY_ENVIRONMENT_VARIABLES).map(([name, variableName]) => [`policy.${name}`, variableName]),
) as Readonly<Record<string, string>>;

/** A misspelt or retired `policy.*` key would otherwise be ignored and its default deployed without a word. */
function refuseUnknownPolicyContext(app: App): void {
  const unknown = Object.keys(app.node.getAllContext() as Record<string, unknown>).filter((key) => key.startsWith('policy.') && !(key in POLICY_CONTEXT_KEYS));
  if (unknown.length > 0) {
    throw new Error(`Unknown policy context ${unknown.join(', ')}; the policy values are ${Object.keys(POLICY_CONTEXT_KEYS).join(', ')} (docs/policy.md)`);
  }
}

function runtimeEnvironment(app: App): Record<string, string> {
  refuseUnknownPolicyContext(app);
  const environment = Object.fromEntries(
    Object.entries({ ...RUNTIME_SETTING_CONTEXT_KEYS, ...POLICY_CONTEXT_KEYS }).flatMap(([contextKey, variableName]) => {
      const value: unknown = app.node.tryGetContext(contextKey);
      return (typeof value === 'string' && value !== '') || typeof value === 'number' ? [[variableName, String(value)]] : [];
    }),
  );
  // A value out of its range fails the synthesis, naming it, rather than every function at cold start. The functions
  // check again with the same table when they first build their dependencies.
  loadLendingPolicy(environment);
  loadPlanPolicy(environment);
  loadProjectPolicy(environment);
  return environment;
}

/** The log groups of the functions given, skipping any the app did not build. */
const logGroupsOf = (functions: readonly (RabhanFunction | undefined)[]) => functions.flatMap((fn) => (fn === undefined ? [] : [fn.logGroup]));

export function addRabhanStacks(app: App, target: DeploymentTarget, options: RabhanStacksOptions = {}): RabhanStacks {
  const env = { account: target.account, region: target.region };
  const prefix = (app.node.tryGetContext(STACK_PREFIX_CONTEXT_KEY) as string | undefined) ?? DEFAULT_STACK_PREFIX;
  const appVersion = (app.node.tryGetContext(APP_VERSION_CONTEXT_KEY) as string | undefined) ?? packageVersion();
  const bundling = options.bundling === undefined ? {} : { bundling: options.bundling };

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    terminationProtection: true,
    description: 'RABHAN data: table, KMS keys, event bus and archive, backups.',
  });
  const platform = stateful.platformBindings({ appVersion, runtimeEnvironment: runtimeEnvironment(app) });
  const routeFunctions = new RouteFunctionsStack(app, `${prefix}-RouteFunctions`, { env, platform, description: "RABHAN route handlers' functions.", ...bundling });
  const api = new ApiStack(app, `${prefix}-Api`, { env, platform, routeFunctions: routeFunctions.functions, description: 'RABHAN REST API, WAF and authorizer.', ...bundling });
  const integrations = new IntegrationsStack(app, `${prefix}-Integrations`, {
    env,
    platform,
    messagingKey: stateful.messagingKey,
    description: 'RABHAN integration queues and consumers, and the outbox Pipe.',
    ...bundling,
  });
  const observability = new ObservabilityStack(app, `${prefix}-Observability`, {
    env,
    messagingKey: stateful.messagingKey,
    deadLetterQueues: integrations.deadLetterQueues,
    api: api.api,
    alertLogGroups: {
      paymentNeedsReconciliation: logGroupsOf([api.functions.get(routes.receivePaymentWebhook.id)]),
      disbursementNeedsAttention: logGroupsOf([api.functions.get(routes.receivePayoutWebhook.id)]),
      refundFailed: logGroupsOf([api.functions.get(routes.receiveRefundWebhook.id)]),
      projectStalled: logGroupsOf(integrations.scheduledJobs.filter((job) => job.definition.id === scheduledJobs.flagStalledProjects.id).map((job) => job.function)),
    },
    description: 'RABHAN alarms and dashboard.',
  });
  Aspects.of(app).add(new ResidencyReplicationGuard(target));
  return { stateful, routeFunctions, api, integrations, observability };
}

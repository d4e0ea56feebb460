/**
 * The data-residency guard. Customer data must stay in the country named by the residency rule, so the CDK app
 * refuses to synthesize unless it is given an explicit account and a region that operators have allowed.
 * Pure: it reads a context lookup and an environment map and returns a deployment target or throws, so it is
 * unit-testable without an App.
 */

/** Context keys read by the guard (`-c key=value` or the `context` block of cdk.json). */
export const RESIDENCY_CONTEXT_KEYS = {
  residencyCountry: 'residencyCountry',
  allowedRegions: 'allowedRegions',
  account: 'account',
  region: 'region',
} as const;

/** ISO 3166-1 alpha-2 code of the country whose residency rule applies when the context does not name one. */
export const DEFAULT_RESIDENCY_COUNTRY = 'SA';

/** Environment variables consulted, in order, when the context names no account or region. */
export const ACCOUNT_ENVIRONMENT_VARIABLES = ['CDK_DEPLOY_ACCOUNT', 'CDK_DEFAULT_ACCOUNT'] as const;
export const REGION_ENVIRONMENT_VARIABLES = ['CDK_DEPLOY_REGION', 'CDK_DEFAULT_REGION'] as const;

const ACCOUNT_ID_PATTERN = /^\d{12}$/;

export type ResidencyRefusalReason = 'ACCOUNT_MISSING' | 'ACCOUNT_INVALID' | 'REGION_MISSING' | 'REGION_NOT_ALLOWED';

/** Thrown when synthesis would place the platform outside the residency rule; the message is one line for operators. */
export class ResidencyRefusalError extends Error {
  constructor(
    readonly reason: ResidencyRefusalReason,
    readonly residencyCountry: string,
    readonly region: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ResidencyRefusalError';
  }
}

export interface DeploymentTarget {
  readonly account: string;
  readonly region: string;
  readonly residencyCountry: string;
  readonly allowedRegions: readonly string[];
}

export interface ResidencyInputs {
  /** Looks up a context value (for example `app.node.tryGetContext`). */
  readonly context: (key: string) => unknown;
  /** Process environment, for the CDK_DEPLOY_* and CDK_DEFAULT_* fallbacks. */
  readonly environment: Readonly<Record<string, string | undefined>>;
}

const HOW_TO_ALLOW =
  'Set the allowed regions with -c allowedRegions=<region>[,<region>...] or in the "context" block of cdk.json';
const HOW_TO_TARGET = 'Set them with -c account=<12-digit id> -c region=<region> (or CDK_DEPLOY_ACCOUNT/CDK_DEPLOY_REGION)';

function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Accepts a comma-separated string (`-c`) or a JSON array (cdk.json); blanks are ignored. */
export function parseAllowedRegions(value: unknown): readonly string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.flatMap((item) => {
    const region = nonEmptyString(item);
    return region === undefined ? [] : [region];
  });
}

function firstDefined(
  contextValue: unknown,
  variableNames: readonly string[],
  environment: ResidencyInputs['environment'],
): string | undefined {
  return nonEmptyString(contextValue) ?? variableNames.map((name) => nonEmptyString(environment[name])).find((value) => value !== undefined);
}

export function resolveDeploymentTarget(inputs: ResidencyInputs): DeploymentTarget {
  const residencyCountry = nonEmptyString(inputs.context(RESIDENCY_CONTEXT_KEYS.residencyCountry)) ?? DEFAULT_RESIDENCY_COUNTRY;
  const allowedRegions = parseAllowedRegions(inputs.context(RESIDENCY_CONTEXT_KEYS.allowedRegions));
  const account = firstDefined(inputs.context(RESIDENCY_CONTEXT_KEYS.account), ACCOUNT_ENVIRONMENT_VARIABLES, inputs.environment);
  const region = firstDefined(inputs.context(RESIDENCY_CONTEXT_KEYS.region), REGION_ENVIRONMENT_VARIABLES, inputs.environment);
  const rule = `data residency rule ${residencyCountry}`;
  const allowedText = allowedRegions.length === 0 ? 'none are allowed yet' : `allowed: ${allowedRegions.join(', ')}`;

  if (region === undefined) {
    throw new ResidencyRefusalError(
      'REGION_MISSING',
      residencyCountry,
      undefined,
      `Refusing to synthesize: the ${rule} needs an explicit target region, and region is missing (${allowedText}). ${HOW_TO_TARGET}; ${HOW_TO_ALLOW}.`,
    );
  }
  if (account === undefined) {
    throw new ResidencyRefusalError(
      'ACCOUNT_MISSING',
      residencyCountry,
      region,
      `Refusing to synthesize: the ${rule} needs an explicit target account for region ${region}, and account is missing. ${HOW_TO_TARGET}.`,
    );
  }
  if (!ACCOUNT_ID_PATTERN.test(account)) {
    throw new ResidencyRefusalError(
      'ACCOUNT_INVALID',
      residencyCountry,
      region,
      `Refusing to synthesize: the ${rule} needs a 12-digit target account for region ${region}, got "${account}". ${HOW_TO_TARGET}.`,
    );
  }
  if (!allowedRegions.includes(region)) {
    throw new ResidencyRefusalError(
      'REGION_NOT_ALLOWED',
      residencyCountry,
      region,
      `Refusing to synthesize: the ${rule} does not allow region ${region} (${allowedText}). ${HOW_TO_ALLOW}.`,
    );
  }
  return { account, region, residencyCountry, allowedRegions };
}

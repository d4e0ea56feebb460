import { DEFAULT_LENDING_POLICY, type LendingPolicy, type ResidencyPolicy } from '../domain/policy.ts';
import { DEFAULT_PLAN_POLICY, type PlanPolicy } from '../use-cases/plans/plans.ts';
import { optionalEnv, type Environment } from './environment.ts';

/**
 * Every overridable policy value and the variable that overrides it. The CDK app sets these on every function from
 * `-c policy.<name>=<value>` (lib/rabhan-app.ts); locally they are read from the environment of `npm start`.
 */
export const POLICY_ENVIRONMENT_VARIABLES = {
  exposureLimitHalalas: 'POLICY_EXPOSURE_LIMIT_HALALAS',
  installmentCountMax: 'POLICY_INSTALLMENT_COUNT_MAX',
  minimumAgeHijriYears: 'POLICY_MINIMUM_AGE_HIJRI_YEARS',
  residency: 'POLICY_RESIDENCY',
  offerTtlSeconds: 'POLICY_OFFER_TTL_SECONDS',
  coolingOffSeconds: 'POLICY_COOLING_OFF_SECONDS',
  paymentIntentTtlSeconds: 'POLICY_PAYMENT_INTENT_TTL_SECONDS',
} as const;

const RESIDENCY_POLICIES: readonly ResidencyPolicy[] = ['citizens-only', 'citizens-and-residents'];

function positiveInteger(variableName: string, defaultValue: number, environment: Environment): number {
  const value = Number(optionalEnv(variableName, String(defaultValue), environment));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${variableName} must be a positive integer`);
  return value;
}

/** The lending policy in force: SAMA defaults unless configuration overrides a value. */
export function loadLendingPolicy(environment: Environment = process.env): LendingPolicy {
  const residency = optionalEnv(POLICY_ENVIRONMENT_VARIABLES.residency, DEFAULT_LENDING_POLICY.residency, environment);
  if (!(RESIDENCY_POLICIES as readonly string[]).includes(residency)) {
    throw new Error(`${POLICY_ENVIRONMENT_VARIABLES.residency} must be one of ${RESIDENCY_POLICIES.join(', ')}`);
  }
  return {
    exposureLimitHalalas: positiveInteger(POLICY_ENVIRONMENT_VARIABLES.exposureLimitHalalas, DEFAULT_LENDING_POLICY.exposureLimitHalalas, environment),
    installmentCountMax: positiveInteger(POLICY_ENVIRONMENT_VARIABLES.installmentCountMax, DEFAULT_LENDING_POLICY.installmentCountMax, environment),
    minimumAgeHijriYears: positiveInteger(POLICY_ENVIRONMENT_VARIABLES.minimumAgeHijriYears, DEFAULT_LENDING_POLICY.minimumAgeHijriYears, environment),
    residency: residency as ResidencyPolicy,
  };
}

/** Offer lifetime and cooling-off window: defaults unless configuration overrides a value. */
export function loadPlanPolicy(environment: Environment = process.env): PlanPolicy {
  return {
    offerTtlSeconds: positiveInteger(POLICY_ENVIRONMENT_VARIABLES.offerTtlSeconds, DEFAULT_PLAN_POLICY.offerTtlSeconds, environment),
    coolingOffSeconds: positiveInteger(POLICY_ENVIRONMENT_VARIABLES.coolingOffSeconds, DEFAULT_PLAN_POLICY.coolingOffSeconds, environment),
    paymentIntentTtlSeconds: positiveInteger(POLICY_ENVIRONMENT_VARIABLES.paymentIntentTtlSeconds, DEFAULT_PLAN_POLICY.paymentIntentTtlSeconds, environment),
  };
}

import { DEFAULT_LENDING_POLICY, type LendingPolicy, type ResidencyPolicy } from '../domain/policy.ts';
import { optionalEnv, type Environment } from './environment.ts';

export const POLICY_ENVIRONMENT_VARIABLES = {
  exposureLimitHalalas: 'POLICY_EXPOSURE_LIMIT_HALALAS',
  installmentCountMax: 'POLICY_INSTALLMENT_COUNT_MAX',
  minimumAgeHijriYears: 'POLICY_MINIMUM_AGE_HIJRI_YEARS',
  residency: 'POLICY_RESIDENCY',
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

import { optionalEnv, requireEnv, type Environment } from './environment.ts';

/** Names of the environment variables every function receives from the CDK function construct or the local runtime. */
export const PLATFORM_ENVIRONMENT_VARIABLES = {
  tableName: 'TABLE_NAME',
  eventBusName: 'EVENT_BUS_NAME',
  appVersion: 'APP_VERSION',
  region: 'AWS_REGION',
  /** Only on functions holding `evidence:write` or `evidence:read`, so it is not part of PlatformConfig. */
  evidenceBucketName: 'EVIDENCE_BUCKET_NAME',
} as const;

export interface PlatformConfig {
  readonly tableName: string;
  readonly eventBusName: string;
  readonly appVersion: string;
  readonly region: string;
}

export function loadPlatformConfig(environment: Environment = process.env): PlatformConfig {
  return {
    tableName: requireEnv(PLATFORM_ENVIRONMENT_VARIABLES.tableName, environment),
    eventBusName: requireEnv(PLATFORM_ENVIRONMENT_VARIABLES.eventBusName, environment),
    appVersion: optionalEnv(PLATFORM_ENVIRONMENT_VARIABLES.appVersion, 'dev', environment),
    region: requireEnv(PLATFORM_ENVIRONMENT_VARIABLES.region, environment),
  };
}

/** The milestone-evidence bucket; read by the projects context's compose.ts, on functions granted an evidence permission. */
export const evidenceBucketName = (environment: Environment = process.env): string =>
  requireEnv(PLATFORM_ENVIRONMENT_VARIABLES.evidenceBucketName, environment);

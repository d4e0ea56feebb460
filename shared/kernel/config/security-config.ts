import { WEBHOOK_SECRETS } from '../deployment/webhook-secrets.ts';
import { optionalEnv, requireEnv, type Environment } from './environment.ts';

/** Environment variables naming the keys and endpoints of the identity and credit integrations. */
export const SECURITY_ENVIRONMENT_VARIABLES = {
  piiKeyArn: 'PII_KEY_ARN',
  blindIndexKeyId: 'BLIND_INDEX_KEY_ID',
  tokenSigningKeyId: 'TOKEN_SIGNING_KEY_ID',
  tokenIssuer: 'TOKEN_ISSUER',
  nafathBaseUrl: 'NAFATH_BASE_URL',
  nafathCallbackSecret: WEBHOOK_SECRETS.nafathCallback.environmentVariable,
  simahBaseUrl: 'SIMAH_BASE_URL',
  secBaseUrl: 'SEC_BASE_URL',
  zatcaBaseUrl: 'ZATCA_BASE_URL',
  paymentGatewayBaseUrl: 'PAYMENT_GATEWAY_BASE_URL',
  paymentGatewayWebhookSecret: WEBHOOK_SECRETS.paymentWebhook.environmentVariable,
  payoutProviderBaseUrl: 'PAYOUT_PROVIDER_BASE_URL',
  payoutProviderWebhookSecret: WEBHOOK_SECRETS.payoutWebhook.environmentVariable,
} as const;

export const DEFAULT_TOKEN_ISSUER = 'https://api.rabhan.sa';

export const piiKeyArn = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.piiKeyArn, environment);
export const blindIndexKeyId = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.blindIndexKeyId, environment);
export const tokenSigningKeyId = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.tokenSigningKeyId, environment);
export const tokenIssuer = (environment: Environment = process.env): string =>
  optionalEnv(SECURITY_ENVIRONMENT_VARIABLES.tokenIssuer, DEFAULT_TOKEN_ISSUER, environment);
export const nafathBaseUrl = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.nafathBaseUrl, environment);
export const simahBaseUrl = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.simahBaseUrl, environment);
export const secBaseUrl = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.secBaseUrl, environment);
export const zatcaBaseUrl = (environment: Environment = process.env): string => requireEnv(SECURITY_ENVIRONMENT_VARIABLES.zatcaBaseUrl, environment);
export const paymentGatewayBaseUrl = (environment: Environment = process.env): string =>
  requireEnv(SECURITY_ENVIRONMENT_VARIABLES.paymentGatewayBaseUrl, environment);
export const payoutProviderBaseUrl = (environment: Environment = process.env): string =>
  requireEnv(SECURITY_ENVIRONMENT_VARIABLES.payoutProviderBaseUrl, environment);

/**
 * Shared secrets that external services sign their callbacks with. In AWS each is a Secrets Manager secret (the
 * function gets its ARN and reads it once per container); locally, and wherever the plain variable is set, the
 * value comes straight from the environment.
 */
export interface WebhookSecretDefinition {
  readonly description: string;
  /** Holds the secret value itself (local runtime, tests). */
  readonly environmentVariable: string;
  /** Holds the Secrets Manager ARN (AWS). */
  readonly arnEnvironmentVariable: string;
}

export const WEBHOOK_SECRETS = {
  nafathCallback: {
    description: 'HMAC secret NAFATH signs sign-in outcome callbacks with; set to the value NAFATH issues.',
    environmentVariable: 'NAFATH_CALLBACK_SECRET',
    arnEnvironmentVariable: 'NAFATH_CALLBACK_SECRET_ARN',
  },
  paymentWebhook: {
    description: 'HMAC secret the payment gateway signs webhooks with; set to the value the gateway issues.',
    environmentVariable: 'PAYMENT_GATEWAY_WEBHOOK_SECRET',
    arnEnvironmentVariable: 'PAYMENT_GATEWAY_WEBHOOK_SECRET_ARN',
  },
  payoutWebhook: {
    description: 'HMAC secret the payout provider (the bank) signs transfer-outcome webhooks with; set to the value it issues.',
    environmentVariable: 'PAYOUT_PROVIDER_WEBHOOK_SECRET',
    arnEnvironmentVariable: 'PAYOUT_PROVIDER_WEBHOOK_SECRET_ARN',
  },
} as const satisfies Record<string, WebhookSecretDefinition>;

export type WebhookSecretName = keyof typeof WEBHOOK_SECRETS;

/** Which secret each permission reads. */
export const PERMISSION_SECRETS = {
  'secret:nafath-callback': 'nafathCallback',
  'secret:payment-webhook': 'paymentWebhook',
  'secret:payout-webhook': 'payoutWebhook',
} as const satisfies Record<string, WebhookSecretName>;

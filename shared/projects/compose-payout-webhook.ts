/** The payout provider's webhook secret, apart so that the webhook's function bundles neither the cipher nor the bank client. */
import { once } from '../kernel/compose.ts';
import { webhookSecretLoader } from '../kernel/crypto/webhook-secret.ts';

export const payoutWebhookSecret = /* @__PURE__ */ once(() => webhookSecretLoader('payoutWebhook'));

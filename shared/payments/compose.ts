/**
 * Builds the payments context's dependencies on first use, once per container: the only place its adapters and its
 * gateway client are made, and where its configuration is read and checked.
 */
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import type { DocumentClient } from '../kernel/storage/document-client.ts';
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { loadPlanPolicy } from '../kernel/config/policy-config.ts';
import { paymentGatewayBaseUrl } from '../kernel/config/security-config.ts';
import { webhookSecretLoader } from '../kernel/crypto/webhook-secret.ts';
import { DEFAULT_GOVERNMENT_RETRY_POLICY } from '../kernel/messaging/government-call.ts';
import { DynamoDbPlanStore } from '../lending/index.ts';
import { HttpPaymentGatewayClient } from './adapters/gateway-client.ts';
import { DynamoDbPaymentStore } from './adapters/payment-store.ts';
import { DynamoDbReconciliationStore } from './adapters/reconciliation-store.ts';
import type { PaymentDeps } from './app/payment-deps.ts';

/** The payments dependencies on a given table and policy; tests and benchmarks build them on their own table. */
export function buildPaymentDeps(client: DocumentClient, tableName: string, policy: Pick<PaymentDeps, 'plans'>): PaymentDeps {
  return {
    paymentStore: new DynamoDbPaymentStore(client, tableName),
    reconciliation: new DynamoDbReconciliationStore(client, tableName),
    clock: systemClock,
    ids: ulidGenerator,
    ...policy,
  };
}

export const paymentDeps = /* @__PURE__ */ once((): PaymentDeps => buildPaymentDeps(documentClient(), platformConfig().tableName, { plans: loadPlanPolicy() }));

/** Creating an intent reads the plan through lending's store, so it takes both contexts' dependencies. */
export const paymentIntentDeps = /* @__PURE__ */ once(() => ({ ...paymentDeps(), planStore: new DynamoDbPlanStore(documentClient(), platformConfig().tableName) }));

export const checkoutDeps = /* @__PURE__ */ once(() => ({ ...paymentDeps(), gateway: new HttpPaymentGatewayClient(paymentGatewayBaseUrl()) }));

export const refundDeps = /* @__PURE__ */ once(() => ({
  ...paymentDeps(),
  gateway: new HttpPaymentGatewayClient(paymentGatewayBaseUrl()),
  retry: DEFAULT_GOVERNMENT_RETRY_POLICY,
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
}));

export const paymentWebhookSecret = /* @__PURE__ */ once(() => webhookSecretLoader('paymentWebhook'));

export { idempotencyStore } from '../kernel/compose.ts';

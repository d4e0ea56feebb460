/**
 * Payment gateway simulator. A checkout completes on its own after a short delay (no browser step locally) and the
 * outcome is POSTed to our webhook, signed like the real integration. Deterministic by amount and method:
 *   - amounts ending in 13 halalas are declined (payment.failed);
 *   - amounts ending in 17 halalas are captured one halala short, so the confirmation matches no intent and its
 *     money goes to suspense for reconciliation;
 *   - every confirmation is delivered twice, the second time late, to exercise replay handling;
 *   - everything else is confirmed.
 * Like a real gateway, it retries a delivery our webhook does not acknowledge (webhook-delivery.ts), so one refused
 * delivery, such as a 409 for a lost race, never loses an outcome.
 * A refund (POST /v1/refunds, keyed by refund id) succeeds after the same short delay, its outcome delivered twice to
 * the refund webhook; refunds of amounts ending in 19 halalas fail (refund.failed).
 */
import { randomUUID } from 'node:crypto';
import { startHttpSimulator, type RunningSimulator } from './http-simulator.ts';
import { deliverSigned, scheduler, type WebhookSender } from './webhook-delivery.ts';

export const DECLINED_AMOUNT_SUFFIX_HALALAS = 13;
export const SHORT_CAPTURE_AMOUNT_SUFFIX_HALALAS = 17;
export const REFUND_FAILURE_AMOUNT_SUFFIX_HALALAS = 19;
const HALALAS_PER_SAR = 100;
const CHECKOUT_COMPLETION_DELAY_MILLISECONDS = 500;
const DUPLICATE_DELIVERY_DELAY_MILLISECONDS = 1_500;
/** Attempts per delivery, the first included: retried after 1, 2, 4, 8 and 16 s, so given up within about half a minute. */
export const GATEWAY_WEBHOOK_ATTEMPTS_MAX = 6;
const GATEWAY_WEBHOOK_RETRY_BASE_DELAY_MILLISECONDS = 1_000;
const GATEWAY_WEBHOOK_ATTEMPT_TIMEOUT_MILLISECONDS = 10_000;

export interface PaymentGatewaySimulatorOptions {
  readonly port: number;
  readonly webhookUrl: () => string | undefined;
  /** Where refund outcomes are POSTed, signed like payment outcomes. */
  readonly refundWebhookUrl: () => string | undefined;
  readonly webhookSecret: string;
}

/** Refunds remembered at most; beyond it the simulator answers 503, as an overloaded gateway would. */
const REFUNDS_REMEMBERED_MAX = 10_000;

export async function startPaymentGatewaySimulator(options: PaymentGatewaySimulatorOptions): Promise<RunningSimulator> {
  const opened = new Set<string>();
  const refunded = new Set<string>();
  const schedule = scheduler();
  const sender = (url: () => string | undefined): WebhookSender => ({
    url,
    secret: options.webhookSecret,
    timestampHeader: 'x-gateway-timestamp',
    signatureHeader: 'x-gateway-signature',
    attemptsMax: GATEWAY_WEBHOOK_ATTEMPTS_MAX,
    retryBaseDelayMilliseconds: GATEWAY_WEBHOOK_RETRY_BASE_DELAY_MILLISECONDS,
    attemptTimeoutMilliseconds: GATEWAY_WEBHOOK_ATTEMPT_TIMEOUT_MILLISECONDS,
  });
  const payments = sender(options.webhookUrl);
  const refunds = sender(options.refundWebhookUrl);
  const later = (milliseconds: number, to: WebhookSender, body: string): void => {
    void schedule.later(milliseconds, () => deliverSigned(to, schedule, body)).catch(() => undefined);
  };

  return startHttpSimulator(
    options.port,
    async (request) => {
      if (request.method === 'POST' && request.url.pathname === '/v1/refunds') {
        const refund = request.body as { refundId?: string; checkoutReference?: string; amountHalalas?: number };
        const refundId = String(refund.refundId ?? '');
        const amountHalalas = Number(refund.amountHalalas);
        if (refundId === '' || !Number.isSafeInteger(amountHalalas) || amountHalalas <= 0) return { status: 400, body: { error: 'bad request' } };
        // Refunds are keyed by id: a re-sent request is acknowledged and refunds nothing more.
        if (refunded.has(refundId)) return { status: 200, body: { refundId } };
        if (refunded.size >= REFUNDS_REMEMBERED_MAX) return { status: 503, body: { error: 'busy' } };
        refunded.add(refundId);
        const failed = amountHalalas % HALALAS_PER_SAR === REFUND_FAILURE_AMOUNT_SUFFIX_HALALAS;
        const body = JSON.stringify({
          eventId: `evt_${randomUUID()}`,
          type: failed ? 'refund.failed' : 'refund.succeeded',
          refundId,
          checkoutReference: refund.checkoutReference,
          amountHalalas,
          occurredAt: new Date().toISOString(),
          ...(failed ? { reason: 'CARD_ACCOUNT_CLOSED' } : {}),
        });
        later(CHECKOUT_COMPLETION_DELAY_MILLISECONDS, refunds, body);
        later(DUPLICATE_DELIVERY_DELAY_MILLISECONDS, refunds, body);
        return { status: 201, body: { refundId } };
      }
      if (request.method !== 'POST' || request.url.pathname !== '/v1/checkouts') return { status: 404, body: { error: 'not found' } };
      const checkout = request.body as { checkoutReference?: string; planId?: string; amountHalalas?: number; method?: string };
      const reference = String(checkout.checkoutReference ?? '');
      // Checkouts are keyed by reference: a re-sent open is acknowledged and not completed twice.
      if (opened.has(reference)) return { status: 200, body: { checkoutReference: reference } };
      opened.add(reference);
      const amountHalalas = Number(checkout.amountHalalas);
      const declined = amountHalalas % HALALAS_PER_SAR === DECLINED_AMOUNT_SUFFIX_HALALAS;
      const capturedShort = amountHalalas % HALALAS_PER_SAR === SHORT_CAPTURE_AMOUNT_SUFFIX_HALALAS;
      const body = JSON.stringify({
        eventId: `evt_${randomUUID()}`,
        type: declined ? 'payment.failed' : 'payment.confirmed',
        checkoutReference: reference,
        planId: checkout.planId,
        amountHalalas: capturedShort ? amountHalalas - 1 : amountHalalas,
        occurredAt: new Date().toISOString(),
      });
      later(CHECKOUT_COMPLETION_DELAY_MILLISECONDS, payments, body);
      if (!declined) later(DUPLICATE_DELIVERY_DELAY_MILLISECONDS, payments, body);
      return { status: 201, body: { checkoutReference: reference } };
    },
    () => schedule.stop(),
  );
}

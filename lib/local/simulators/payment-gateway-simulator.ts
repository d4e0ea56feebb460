/**
 * Payment gateway simulator. A checkout completes on its own after a short delay (no browser step locally) and the
 * outcome is POSTed to our webhook, signed like the real integration. Deterministic by amount and method:
 *   - amounts ending in 13 halalas are declined (payment.failed);
 *   - amounts ending in 17 halalas are captured one halala short, so the confirmation matches no intent and its
 *     money goes to suspense for reconciliation;
 *   - every confirmation is delivered twice, the second time late, to exercise replay handling;
 *   - everything else is confirmed.
 * A refund (POST /v1/refunds, keyed by refund id) succeeds after the same short delay, its outcome delivered twice to
 * the refund webhook; refunds of amounts ending in 19 halalas fail (refund.failed).
 */
import { randomUUID } from 'node:crypto';
import { signCallback } from '../../../shared/kernel/crypto/callback-signature.ts';
import { startHttpSimulator, type RunningSimulator } from './http-simulator.ts';

export const DECLINED_AMOUNT_SUFFIX_HALALAS = 13;
export const SHORT_CAPTURE_AMOUNT_SUFFIX_HALALAS = 17;
export const REFUND_FAILURE_AMOUNT_SUFFIX_HALALAS = 19;
const HALALAS_PER_SAR = 100;
const CHECKOUT_COMPLETION_DELAY_MILLISECONDS = 500;
const DUPLICATE_DELIVERY_DELAY_MILLISECONDS = 1_500;

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
  const timers = new Set<NodeJS.Timeout>();
  const opened = new Set<string>();
  const refunded = new Set<string>();
  let stopped = false;

  const later = (milliseconds: number, action: () => Promise<void>): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) void action().catch(() => undefined);
    }, milliseconds);
    timers.add(timer);
  };

  async function deliver(body: string, url = options.webhookUrl()): Promise<void> {
    if (url === undefined) return;
    const timestampSeconds = Math.floor(Date.now() / 1000);
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-timestamp': String(timestampSeconds), 'x-gateway-signature': signCallback(options.webhookSecret, timestampSeconds, body) },
      body,
    });
  }

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
        later(CHECKOUT_COMPLETION_DELAY_MILLISECONDS, () => deliver(body, options.refundWebhookUrl()));
        later(DUPLICATE_DELIVERY_DELAY_MILLISECONDS, () => deliver(body, options.refundWebhookUrl()));
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
      later(CHECKOUT_COMPLETION_DELAY_MILLISECONDS, () => deliver(body));
      if (!declined) later(DUPLICATE_DELIVERY_DELAY_MILLISECONDS, () => deliver(body));
      return { status: 201, body: { checkoutReference: reference } };
    },
    () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
    },
  );
}

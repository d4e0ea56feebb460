/**
 * The scheduled job that fails every PENDING payment intent past its expiry, releasing the amount it reserved:
 * without it a checkout the gateway never settles (abandoned, or its webhook lost) would block that much of the
 * plan, and its cancellation, for good. Each expiry goes through the gateway's own FAILED path under a fixed event
 * id, so it applies once however often the job runs, and loses to a real gateway outcome that arrives first.
 */
import { RabhanError } from '../../kernel/errors/rabhan-error.ts';
import type { PaymentDeps } from './payment-deps.ts';
import { settlePayment } from './settlement.ts';

/** Payment intents read per page by the expiry job. */
export const INTENT_EXPIRY_PAGE_SIZE = 100;

export async function expirePaymentIntents(
  command: { readonly correlationId: string },
  deps: PaymentDeps & { readonly onIntentFailed?: (paymentId: string, error: unknown) => void },
): Promise<{ readonly intentsExpired: number; readonly intentsFailed: number }> {
  let intentsExpired = 0;
  let intentsFailed = 0;
  for await (const payment of deps.paymentStore.listExpiredPaymentIntents(deps.clock.now(), INTENT_EXPIRY_PAGE_SIZE)) {
    try {
      const result = await settlePayment(
        { gatewayEventId: `expiry_${payment.paymentId}`, outcome: 'FAILED', settledBy: 'intent-expiry', planId: payment.planId, paymentId: payment.paymentId, amountHalalas: payment.amountHalalas, correlationId: command.correlationId },
        deps,
      );
      if (result === 'settled') intentsExpired += 1;
    } catch (error) {
      // One intent that fails (a lost race, throttling) never stops the run: it is still PENDING, nothing of it
      // was written, and the next run expires it.
      if (!(error instanceof RabhanError && error.code === 'CONCURRENT_UPDATE')) {
        intentsFailed += 1;
        deps.onIntentFailed?.(payment.paymentId, error);
      }
    }
  }
  return { intentsExpired, intentsFailed };
}

import { isCallbackSignatureValid } from '../../shared/kernel/crypto/callback-signature.ts';
import { planDeps } from '../../shared/lending/compose.ts';
import { webhookSecretLoader } from '../../shared/kernel/crypto/webhook-secret.ts';
import { paymentIdOfCheckoutReference } from '../../shared/lending/api/contracts.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { applyingPartnerCallback } from '../../shared/kernel/storage/concurrent-updates.ts';
import { settlePayment } from '../../shared/lending/app/plans.ts';
import { paymentsError } from '../../shared/payments/api/error-codes.ts';

const webhookSecret = webhookSecretLoader('paymentWebhook');
const deps = planDeps();

export const handler = httpHandler(routes.receivePaymentWebhook, async (request) => {
  const signed = isCallbackSignatureValid(
    await webhookSecret(),
    { timestamp: request.header('x-gateway-timestamp'), signature: request.header('x-gateway-signature') },
    request.rawBody ?? '',
    deps.clock.now(),
  );
  if (!signed) throw paymentsError('WEBHOOK_SIGNATURE_INVALID');
  const { eventId, type, checkoutReference, planId, amountHalalas } = request.body;
  const notification = {
    gatewayEventId: eventId,
    outcome: type === 'payment.confirmed' ? ('CONFIRMED' as const) : ('FAILED' as const),
    planId,
    paymentId: paymentIdOfCheckoutReference(checkoutReference),
    amountHalalas,
    correlationId: request.context.correlationId,
  };
  const result = await applyingPartnerCallback(() => settlePayment(notification, deps));
  logger.info('Payment webhook applied', { eventId, result });
  if (result === 'held-for-reconciliation' || result === 'duplicate-held-for-reconciliation' || result === 'contradicts-settlement') {
    // Money taken that matches no payable intent (now held in suspense), or an outcome contradicting a settlement.
    logger.error(ALERT_LOG_MESSAGES.paymentNeedsReconciliation, { eventId, type, planId, checkoutReference, result });
  }
  // Replays and late duplicates are acknowledged like the first delivery, so the gateway stops retrying.
  return { statusCode: 200, body: { status: 'accepted' } };
});

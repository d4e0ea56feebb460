import { paymentDeps } from '../../shared/payments/compose.ts';
import { requireGatewaySignature } from './gateway-callback.ts';
import { paymentIdOfCheckoutReference } from '../../shared/payments/api/checkout-reference.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { applyingPartnerCallback } from '../../shared/kernel/storage/concurrent-updates.ts';
import { settlePayment } from '../../shared/payments/app/settlement.ts';

export const handler = httpHandler(paymentsRoutes.receivePaymentWebhook, async (request) => {
  const deps = paymentDeps();
  await requireGatewaySignature(request, deps.clock);
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

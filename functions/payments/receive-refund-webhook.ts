import { isCallbackSignatureValid } from '../../shared/kernel/crypto/callback-signature.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { applyingPartnerCallback } from '../../shared/kernel/storage/concurrent-updates.ts';
import { paymentsError } from '../../shared/payments/api/error-codes.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { settleRefundOutcome } from '../../shared/payments/app/refunds.ts';
import { paymentDeps, paymentWebhookSecret } from '../../shared/payments/compose.ts';

export const handler = httpHandler(paymentsRoutes.receiveRefundWebhook, async (request) => {
  const deps = paymentDeps();
  const signed = isCallbackSignatureValid(
    await paymentWebhookSecret()(),
    { timestamp: request.header('x-gateway-timestamp'), signature: request.header('x-gateway-signature') },
    request.rawBody ?? '',
    deps.clock.now(),
  );
  if (!signed) throw paymentsError('WEBHOOK_SIGNATURE_INVALID');
  const { eventId, type, refundId, amountHalalas, reason } = request.body;
  const result = await applyingPartnerCallback(() =>
    settleRefundOutcome({ gatewayEventId: eventId, outcome: type === 'refund.succeeded' ? 'SUCCEEDED' : 'FAILED', refundId, amountHalalas, reason, correlationId: request.context.correlationId }, deps),
  );
  logger.info('Refund webhook applied', { eventId, refundId, result });
  if (result === 'failed' || result === 'contradicts') logger.error(ALERT_LOG_MESSAGES.refundFailed, { eventId, refundId, result });
  // Replays and late duplicates are acknowledged like the first delivery, so the gateway stops retrying.
  return { statusCode: 200, body: { status: 'accepted' } };
});

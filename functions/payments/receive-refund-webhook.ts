import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { applyingPartnerCallback } from '../../shared/kernel/storage/concurrent-updates.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { settleRefundOutcome } from '../../shared/payments/app/refunds.ts';
import { paymentDeps } from '../../shared/payments/compose.ts';
import { requireGatewaySignature } from './gateway-callback.ts';

export const handler = httpHandler(paymentsRoutes.receiveRefundWebhook, async (request) => {
  const deps = paymentDeps();
  await requireGatewaySignature(request, deps.clock);
  const { eventId, type, refundId, amountHalalas, reason } = request.body;
  const result = await applyingPartnerCallback(() =>
    settleRefundOutcome({ gatewayEventId: eventId, outcome: type === 'refund.succeeded' ? 'SUCCEEDED' : 'FAILED', refundId, amountHalalas, reason, correlationId: request.context.correlationId }, deps),
  );
  logger.info('Refund webhook applied', { eventId, refundId, result });
  if (result === 'failed' || result === 'contradicts') logger.error(ALERT_LOG_MESSAGES.refundFailed, { eventId, refundId, result });
  // Replays and late duplicates are acknowledged like the first delivery, so the gateway stops retrying.
  return { statusCode: 200, body: { status: 'accepted' } };
});

import { isCallbackSignatureValid } from '../../shared/kernel/crypto/callback-signature.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { ALERT_LOG_MESSAGES } from '../../shared/kernel/observability/alerts.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { applyingPartnerCallback } from '../../shared/kernel/storage/concurrent-updates.ts';
import { projectsError } from '../../shared/projects/api/error-codes.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { receivePayoutOutcome } from '../../shared/projects/app/payouts.ts';
import { payoutWebhookSecret } from '../../shared/projects/compose-payout-webhook.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.receivePayoutWebhook, async (request) => {
  const deps = projectDeps();
  const signed = isCallbackSignatureValid(
    await payoutWebhookSecret()(),
    { timestamp: request.header('x-payout-timestamp'), signature: request.header('x-payout-signature') },
    request.rawBody ?? '',
    deps.clock.now(),
  );
  if (!signed) throw projectsError('PAYOUT_WEBHOOK_SIGNATURE_INVALID');
  const { eventId, type, transferId, amountHalalas, reason } = request.body;
  const result = await applyingPartnerCallback(() =>
    receivePayoutOutcome({ providerEventId: eventId, type, transferId, amountHalalas, reason, correlationId: request.context.correlationId }, deps),
  );
  logger.info('Payout webhook applied', { eventId, type, transferId, result });
  // A transfer that failed or came back leaves money owed to the contractor; a contradiction means the bank and
  // our ledger disagree. Either way a person must look.
  if (result === 'needs-attention') logger.error(ALERT_LOG_MESSAGES.disbursementNeedsAttention, { eventId, type, transferId });
  // Replays and late duplicates are acknowledged like the first delivery, so the provider stops retrying.
  return { statusCode: 200, body: { status: 'accepted' } };
});

import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { PAYMENTS_EVENTS } from '../../shared/payments/api/events.ts';
import { paymentsIntegrations } from '../../shared/payments/api/integrations.ts';
import { requestSuspenseRefund } from '../../shared/payments/app/refunds.ts';
import { refundDeps } from '../../shared/payments/compose.ts';

const { maxReceiveCount } = paymentsIntegrations.unappliedCashRefunds.queue;

export const handler = sqsEventConsumer(PAYMENTS_EVENTS.unappliedCashRefundRequested, async (event) => {
  const { refundId, reconciliationItemId } = event.data;
  const outcome = await requestSuspenseRefund({ refundId, itemId: reconciliationItemId, isFinalDelivery: event.receiveCount >= maxReceiveCount }, refundDeps());
  logger.info('Unapplied cash refund processed', { refundId, outcome });
});

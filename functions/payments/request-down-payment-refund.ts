import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { paymentsIntegrations } from '../../shared/payments/api/integrations.ts';
import { requestDownPaymentRefund } from '../../shared/payments/app/refunds.ts';
import { refundDeps } from '../../shared/payments/compose.ts';
import { PROJECTS_EVENTS } from '../../shared/projects/index.ts';

const { maxReceiveCount } = paymentsIntegrations.downPaymentRefunds.queue;

export const handler = sqsEventConsumer(PROJECTS_EVENTS.downPaymentRefundRequested, async (event) => {
  const { refundId, projectId, paymentId, amountHalalas } = event.data;
  const outcome = await requestDownPaymentRefund({ refundId, projectId, paymentId, amountHalalas, isFinalDelivery: event.receiveCount >= maxReceiveCount }, refundDeps());
  logger.info('Down payment refund processed', { refundId, outcome });
});

import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { PAYMENTS_EVENTS } from '../../shared/payments/api/events.ts';
import { openGatewayCheckout } from '../../shared/payments/app/checkout.ts';
import { checkoutDeps } from '../../shared/payments/compose.ts';

export const handler = sqsEventConsumer(PAYMENTS_EVENTS.paymentIntentCreated, async (event) => {
  const { planId, paymentId, checkoutReference, amountHalalas, method } = event.data;
  const outcome = await openGatewayCheckout({ planId, paymentId, checkoutReference, amountHalalas, method }, checkoutDeps());
  if (outcome !== 'opened') logger.info('No checkout opened: the payment intent is no longer payable', { planId, checkoutReference, outcome });
});

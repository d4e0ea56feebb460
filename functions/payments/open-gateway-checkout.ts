import { HttpPaymentGatewayClient } from '../../shared/payments/adapters/gateway-client.ts';
import { planDeps } from '../../shared/lending/compose.ts';
import { paymentGatewayBaseUrl } from '../../shared/kernel/config/security-config.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { openGatewayCheckout } from '../../shared/payments/app/checkout.ts';
import { PAYMENTS_EVENTS } from '../../shared/payments/api/events.ts';

const deps = { ...planDeps(), gateway: new HttpPaymentGatewayClient(paymentGatewayBaseUrl()) };

export const handler = sqsEventConsumer(PAYMENTS_EVENTS.paymentIntentCreated, async (event) => {
  const { planId, paymentId, checkoutReference, amountHalalas, method } = event.data;
  const outcome = await openGatewayCheckout({ planId, paymentId, checkoutReference, amountHalalas, method }, deps);
  if (outcome !== 'opened') logger.info('No checkout opened: the payment intent is no longer payable', { planId, checkoutReference, outcome });
});

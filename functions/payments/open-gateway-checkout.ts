import { HttpPaymentGatewayClient } from '../../shared/adapters/payments/gateway-client.ts';
import { planDeps } from '../../shared/composition/plans.ts';
import { paymentGatewayBaseUrl } from '../../shared/config/security-config.ts';
import { EVENT_TYPES } from '../../shared/contracts/events.ts';
import { sqsEventConsumer } from '../../shared/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/observability/logger.ts';
import { openGatewayCheckout } from '../../shared/use-cases/plans/checkout.ts';

const deps = { ...planDeps(), gateway: new HttpPaymentGatewayClient(paymentGatewayBaseUrl()) };

export const handler = sqsEventConsumer(EVENT_TYPES.paymentIntentCreated, async (event) => {
  const { planId, paymentId, checkoutReference, amountHalalas, method } = event.data;
  const outcome = await openGatewayCheckout({ planId, paymentId, checkoutReference, amountHalalas, method }, deps);
  if (outcome !== 'opened') logger.info('No checkout opened: the payment intent is no longer payable', { planId, checkoutReference, outcome });
});

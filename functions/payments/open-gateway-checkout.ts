import { HttpPaymentGatewayClient } from '../../shared/adapters/payments/gateway-client.ts';
import { paymentGatewayBaseUrl } from '../../shared/config/security-config.ts';
import { EVENT_TYPES } from '../../shared/contracts/events.ts';
import { sqsEventConsumer } from '../../shared/messaging/sqs-event-consumer.ts';

const gateway = new HttpPaymentGatewayClient(paymentGatewayBaseUrl());

/** Opening the same checkout twice is harmless: the gateway keys checkouts by our reference. */
export const handler = sqsEventConsumer(EVENT_TYPES.paymentIntentCreated, async (event) => {
  await gateway.openCheckout({
    checkoutReference: event.data.checkoutReference,
    planId: event.data.planId,
    amountHalalas: event.data.amountHalalas,
    method: event.data.method,
  });
});

import { routes } from '../../shared/catalog/routes.ts';
import { paymentIntentHandler } from '../../shared/payments/api/payment-intent-handler.ts';

export const handler = paymentIntentHandler(routes.createPayment, (request) => request.body.amountHalalas);

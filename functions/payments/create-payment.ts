import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { paymentIntentHandler } from './payment-intent-handler.ts';

export const handler = paymentIntentHandler(paymentsRoutes.createPayment, (request) => request.body.amountHalalas);

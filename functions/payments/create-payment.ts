import { routes } from '../../shared/platform/routes.ts';
import { paymentIntentHandler } from './payment-intent-handler.ts';

export const handler = paymentIntentHandler(routes.createPayment, (request) => request.body.amountHalalas);

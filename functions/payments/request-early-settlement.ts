import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { paymentIntentHandler } from './payment-intent-handler.ts';

/** No amount: the intent is for everything still payable. */
export const handler = paymentIntentHandler(paymentsRoutes.requestEarlySettlement, () => undefined);

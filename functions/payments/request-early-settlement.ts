import { routes } from '../../shared/catalog/routes.ts';
import { paymentIntentHandler } from '../../shared/payments/api/payment-intent-handler.ts';

/** No amount: the intent is for everything still payable. */
export const handler = paymentIntentHandler(routes.requestEarlySettlement, () => undefined);

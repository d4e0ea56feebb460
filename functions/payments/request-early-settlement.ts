import { routes } from '../../shared/platform/routes.ts';
import { paymentIntentHandler } from './payment-intent-handler.ts';

/** No amount: the intent is for everything still payable. */
export const handler = paymentIntentHandler(routes.requestEarlySettlement, () => undefined);

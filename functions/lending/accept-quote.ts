import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toOfferView } from '../../shared/lending/api/views.ts';
import { acceptQuote } from '../../shared/lending/app/quote-offers.ts';
import { idempotencyStore, quoteOfferDeps } from '../../shared/lending/compose-personal-data.ts';

export const handler = idempotentHttpHandler(
  lendingRoutes.acceptQuote,
  idempotencyStore,
  (request, idempotency) => acceptQuote({ principal: request.principal, ...request.pathParameters, ...request.body, idempotency }, quoteOfferDeps()),
  (offer: Parameters<typeof toOfferView>[0]) => ({ statusCode: 201, body: toOfferView(offer) }),
);

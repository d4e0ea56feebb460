import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toOfferView } from '../../shared/lending/api/views.ts';
import { acceptQuote } from '../../shared/lending/app/quote-offers.ts';
import { idempotencyStore, quoteOfferDeps } from '../../shared/lending/compose-personal-data.ts';

const route = lendingRoutes.acceptQuote;

export const handler = httpHandler(route, async (request) =>
  respondIdempotently(
    route,
    request,
    idempotencyStore(),
    () => systemClock.now(),
    (idempotency) => acceptQuote({ principal: request.principal, ...request.pathParameters, ...request.body, idempotency }, quoteOfferDeps()),
    (offer: Parameters<typeof toOfferView>[0]) => ({ statusCode: 201, body: toOfferView(offer) }),
  ),
);

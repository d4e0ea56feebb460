import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteRequestView } from '../../shared/marketplace/api/views.ts';
import { requestQuotes } from '../../shared/marketplace/app/quotes.ts';
import { idempotencyStore, marketplaceDeps } from '../../shared/marketplace/compose.ts';

const route = marketplaceRoutes.requestQuotes;

export const handler = httpHandler(route, async (request) =>
  respondIdempotently(
    route,
    request,
    idempotencyStore(),
    () => systemClock.now(),
    (idempotency) => requestQuotes({ principal: request.principal, ...request.body, correlationId: request.context.correlationId, idempotency }, marketplaceDeps()),
    (quoteRequest: Parameters<typeof toQuoteRequestView>[0]) => ({ statusCode: 201, body: toQuoteRequestView(quoteRequest, systemClock.now()) }),
  ),
);

import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteView } from '../../shared/marketplace/api/views.ts';
import { submitQuote } from '../../shared/marketplace/app/quotes.ts';
import { idempotencyStore, marketplaceDeps } from '../../shared/marketplace/compose.ts';

const route = marketplaceRoutes.submitQuote;

export const handler = httpHandler(route, async (request) =>
  respondIdempotently(
    route,
    request,
    idempotencyStore(),
    () => systemClock.now(),
    (idempotency) => submitQuote({ principal: request.principal, requestId: request.pathParameters.requestId, line: request.body, correlationId: request.context.correlationId, idempotency }, marketplaceDeps()),
    (quote: Parameters<typeof toQuoteView>[0]) => ({ statusCode: 201, body: toQuoteView(quote) }),
  ),
);

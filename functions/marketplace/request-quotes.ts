import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteRequestView } from '../../shared/marketplace/api/views.ts';
import { requestQuotes } from '../../shared/marketplace/app/quotes.ts';
import { idempotencyStore, marketplaceDeps } from '../../shared/marketplace/compose.ts';

export const handler = idempotentHttpHandler(
  marketplaceRoutes.requestQuotes,
  idempotencyStore,
  (request, idempotency) => requestQuotes({ principal: request.principal, ...request.body, correlationId: request.context.correlationId, idempotency }, marketplaceDeps()),
  (quoteRequest: Parameters<typeof toQuoteRequestView>[0]) => ({ statusCode: 201, body: toQuoteRequestView(quoteRequest, systemClock.now()) }),
);

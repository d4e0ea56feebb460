import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteView } from '../../shared/marketplace/api/views.ts';
import { submitQuote } from '../../shared/marketplace/app/quotes.ts';
import { idempotencyStore, marketplaceDeps } from '../../shared/marketplace/compose.ts';

export const handler = idempotentHttpHandler(
  marketplaceRoutes.submitQuote,
  idempotencyStore,
  (request, idempotency) =>
    submitQuote({ principal: request.principal, requestId: request.pathParameters.requestId, line: request.body, correlationId: request.context.correlationId, idempotency }, marketplaceDeps()),
  (quote: Parameters<typeof toQuoteView>[0]) => ({ statusCode: 201, body: toQuoteView(quote) }),
);

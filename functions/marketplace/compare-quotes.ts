import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toComparisonView } from '../../shared/marketplace/api/views.ts';
import { compareQuotes } from '../../shared/marketplace/app/quotes.ts';
import { marketplaceDeps } from '../../shared/marketplace/compose.ts';

export const handler = httpHandler(marketplaceRoutes.compareQuotes, async (request) => {
  const { request: quoteRequest, quotes } = await compareQuotes({ principal: request.principal, requestId: request.pathParameters.requestId }, marketplaceDeps());
  return { statusCode: 200, body: toComparisonView(quoteRequest, quotes, systemClock.now()) };
});

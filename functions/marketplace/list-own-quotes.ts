import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteView } from '../../shared/marketplace/api/views.ts';
import { listOwnQuotes } from '../../shared/marketplace/app/quotes.ts';
import { marketplaceDeps } from '../../shared/marketplace/compose.ts';

const PAGE_SIZE_DEFAULT = 20;

export const handler = httpHandler(marketplaceRoutes.listOwnQuotes, async (request) => {
  const [quoteId, requestId] = request.query.cursor?.split('.') ?? [];
  const cursor = quoteId === undefined || requestId === undefined ? undefined : { quoteId, requestId };
  const page = await listOwnQuotes({ principal: request.principal, limit: request.query.limit ?? PAGE_SIZE_DEFAULT, cursor }, marketplaceDeps());
  return { statusCode: 200, body: { quotes: page.items.map(toQuoteView), nextCursor: page.nextCursor } };
});

import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteRequestView } from '../../shared/marketplace/api/views.ts';
import { listOwnQuoteRequests } from '../../shared/marketplace/app/quotes.ts';
import { marketplaceDeps } from '../../shared/marketplace/compose.ts';

const PAGE_SIZE_DEFAULT = 20;

export const handler = httpHandler(marketplaceRoutes.listQuoteRequests, async (request) => {
  const page = await listOwnQuoteRequests({ principal: request.principal, limit: request.query.limit ?? PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, marketplaceDeps());
  const now = systemClock.now();
  return { statusCode: 200, body: { quoteRequests: page.items.map((item) => toQuoteRequestView(item, now)), nextCursor: page.nextCursor } };
});

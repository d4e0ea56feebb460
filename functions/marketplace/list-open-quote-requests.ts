import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { marketplaceRoutes } from '../../shared/marketplace/api/routes.ts';
import { toQuoteRequestForContractorView } from '../../shared/marketplace/api/views.ts';
import { listOpenQuoteRequests } from '../../shared/marketplace/app/quotes.ts';
import { marketplaceDeps } from '../../shared/marketplace/compose.ts';

const PAGE_SIZE_DEFAULT = 20;

export const handler = httpHandler(marketplaceRoutes.listOpenQuoteRequests, async (request) => {
  const page = await listOpenQuoteRequests({ principal: request.principal, cityId: request.query.cityId, limit: request.query.limit ?? PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, marketplaceDeps());
  const now = systemClock.now();
  return { statusCode: 200, body: { quoteRequests: page.items.map((item) => toQuoteRequestForContractorView(item, now)), nextCursor: page.nextCursor } };
});

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { RECONCILIATION_PAGE_SIZE_DEFAULT } from '../../shared/payments/api/reconciliation-contracts.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { listReconciliationItems } from '../../shared/payments/app/reconciliation.ts';
import { paymentDeps } from '../../shared/payments/compose.ts';

export const handler = httpHandler(paymentsRoutes.listReconciliationItems, async (request) => {
  const page = await listReconciliationItems({ limit: request.query.limit ?? RECONCILIATION_PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, paymentDeps().reconciliation);
  return { statusCode: 200, body: { items: page.items.map(toReconciliationItemView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) } };
});

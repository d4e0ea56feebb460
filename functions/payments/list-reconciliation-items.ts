import { planDeps } from '../../shared/lending/compose.ts';
import { RECONCILIATION_PAGE_SIZE_DEFAULT } from '../../shared/payments/api/reconciliation-contracts.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { listReconciliationItems } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

const { reconciliation } = planDeps();

export const handler = httpHandler(routes.listReconciliationItems, async (request) => {
  const page = await listReconciliationItems({ limit: request.query.limit ?? RECONCILIATION_PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, reconciliation);
  return { statusCode: 200, body: { items: page.items.map(toReconciliationItemView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) } };
});

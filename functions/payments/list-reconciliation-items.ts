import { planDeps } from '../../shared/composition/plans.ts';
import { RECONCILIATION_PAGE_SIZE_DEFAULT } from '../../shared/contracts/reconciliation.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { listReconciliationItems } from '../../shared/use-cases/payments/reconciliation.ts';
import { toReconciliationItemView } from './reconciliation-view.ts';

const { reconciliation } = planDeps();

export const handler = httpHandler(routes.listReconciliationItems, async (request) => {
  const page = await listReconciliationItems({ limit: request.query.limit ?? RECONCILIATION_PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, reconciliation);
  return { statusCode: 200, body: { items: page.items.map(toReconciliationItemView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) } };
});

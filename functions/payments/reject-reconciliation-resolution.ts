import { planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { rejectReconciliationResolution } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

const deps = planDeps();

export const handler = httpHandler(routes.rejectReconciliationResolution, async (request) => {
  const item = await rejectReconciliationResolution({ principal: request.principal, itemId: request.pathParameters.itemId }, deps);
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

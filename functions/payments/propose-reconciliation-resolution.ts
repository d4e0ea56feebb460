import { planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { proposeReconciliationResolution } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

const deps = planDeps();

export const handler = httpHandler(routes.proposeReconciliationResolution, async (request) => {
  const item = await proposeReconciliationResolution({ principal: request.principal, itemId: request.pathParameters.itemId, planId: request.body.planId }, deps);
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

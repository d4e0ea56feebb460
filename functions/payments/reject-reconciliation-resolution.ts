import { planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { rejectReconciliationResolution } from '../../shared/use-cases/payments/reconciliation.ts';
import { toReconciliationItemView } from './reconciliation-view.ts';

const deps = planDeps();

export const handler = httpHandler(routes.rejectReconciliationResolution, async (request) => {
  const item = await rejectReconciliationResolution({ principal: request.principal, itemId: request.pathParameters.itemId }, deps);
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

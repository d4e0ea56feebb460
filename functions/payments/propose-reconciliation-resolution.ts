import { paymentDeps } from '../../shared/payments/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { proposeReconciliationResolution } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

export const handler = httpHandler(paymentsRoutes.proposeReconciliationResolution, async (request) => {
  const item = await proposeReconciliationResolution({ principal: request.principal, itemId: request.pathParameters.itemId, target: request.body }, paymentDeps());
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

import { paymentDeps } from '../../shared/payments/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { rejectReconciliationResolution } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

export const handler = httpHandler(paymentsRoutes.rejectReconciliationResolution, async (request) => {
  const item = await rejectReconciliationResolution({ principal: request.principal, itemId: request.pathParameters.itemId }, paymentDeps());
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

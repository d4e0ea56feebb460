import { paymentDeps } from '../../shared/payments/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { retryingConcurrentUpdates } from '../../shared/kernel/storage/concurrent-updates.ts';
import { confirmReconciliationResolution } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

export const handler = httpHandler(paymentsRoutes.confirmReconciliationResolution, async (request) => {
  // A customer payment landing on the same plan is a race we absorb: the retry re-reads, and applies once.
  const item = await retryingConcurrentUpdates(() =>
    confirmReconciliationResolution(
      { principal: request.principal, itemId: request.pathParameters.itemId, target: request.body, correlationId: request.context.correlationId },
      paymentDeps(),
    ),
  );
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

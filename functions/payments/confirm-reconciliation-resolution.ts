import { planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { retryingConcurrentUpdates } from '../../shared/kernel/storage/concurrent-updates.ts';
import { confirmReconciliationResolution } from '../../shared/payments/app/reconciliation.ts';
import { toReconciliationItemView } from '../../shared/payments/api/reconciliation-views.ts';

const deps = planDeps();

export const handler = httpHandler(routes.confirmReconciliationResolution, async (request) => {
  // A customer payment landing on the same plan is a race we absorb: the retry re-reads, and applies once.
  const item = await retryingConcurrentUpdates(() =>
    confirmReconciliationResolution(
      { principal: request.principal, itemId: request.pathParameters.itemId, planId: request.body.planId, correlationId: request.context.correlationId },
      deps,
    ),
  );
  return { statusCode: 200, body: toReconciliationItemView(item) };
});

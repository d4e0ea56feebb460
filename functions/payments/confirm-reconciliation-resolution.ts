import { planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { retryingConcurrentUpdates } from '../../shared/use-cases/concurrent-updates.ts';
import { confirmReconciliationResolution } from '../../shared/use-cases/payments/reconciliation.ts';
import { toReconciliationItemView } from './reconciliation-view.ts';

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

import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';
import { cancelPlan } from '../../shared/lending/app/plans.ts';
import { idempotencyStore, lendingDeps } from '../../shared/lending/compose.ts';

export const handler = idempotentHttpHandler(
  lendingRoutes.cancelPlan,
  idempotencyStore,
  (request, idempotency) => cancelPlan({ principal: request.principal, planId: request.pathParameters.planId, correlationId: request.context.correlationId, idempotency }, lendingDeps()),
  (plan: Parameters<typeof toPlanView>[0]) => ({ statusCode: 200, body: toPlanView(plan) }),
);

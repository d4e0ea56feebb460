import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';
import { createPlan } from '../../shared/lending/app/plans.ts';
import { idempotencyStore, lendingDeps } from '../../shared/lending/compose.ts';

export const handler = idempotentHttpHandler(
  lendingRoutes.createPlan,
  idempotencyStore,
  (request, idempotency) => createPlan({ principal: request.principal, offerId: request.body.offerId, correlationId: request.context.correlationId, idempotency }, lendingDeps()),
  (plan: Parameters<typeof toPlanView>[0]) => ({ statusCode: 201, body: toPlanView(plan) }),
);

import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';
import { cancelPlan } from '../../shared/lending/app/plans.ts';
import { idempotencyStore, lendingDeps } from '../../shared/lending/compose.ts';

const toResponse = (plan: Parameters<typeof toPlanView>[0]) => ({ statusCode: 200, body: toPlanView(plan) });

export const handler = httpHandler(lendingRoutes.cancelPlan, async (request) =>
  respondIdempotently(
    lendingRoutes.cancelPlan,
    request,
    idempotencyStore(),
    () => systemClock.now(),
    (scope) => cancelPlan({ principal: request.principal, planId: request.pathParameters.planId, correlationId: request.context.correlationId, idempotency: scope }, lendingDeps()),
    toResponse,
  ),
);

import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';
import { createPlan } from '../../shared/lending/app/plans.ts';
import { idempotencyStore, lendingDeps } from '../../shared/lending/compose.ts';

const toResponse = (plan: Parameters<typeof toPlanView>[0]) => ({ statusCode: 201, body: toPlanView(plan) });

export const handler = httpHandler(lendingRoutes.createPlan, async (request) =>
  respondIdempotently(
    lendingRoutes.createPlan,
    request,
    idempotencyStore(),
    () => systemClock.now(),
    (scope) => createPlan({ principal: request.principal, offerId: request.body.offerId, correlationId: request.context.correlationId, idempotency: scope }, lendingDeps()),
    toResponse,
  ),
);

import { idempotencyStore, planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { createPlan } from '../../shared/lending/app/plans.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';

const toResponse = (plan: Parameters<typeof toPlanView>[0]) => ({ statusCode: 201, body: toPlanView(plan) });
const deps = { ...planDeps(), toResponse };
const idempotency = idempotencyStore();

export const handler = httpHandler(routes.createPlan, async (request) =>
  respondIdempotently(
    routes.createPlan,
    request,
    idempotency,
    () => systemClock.now(),
    (scope) => createPlan({ principal: request.principal, offerId: request.body.offerId, correlationId: request.context.correlationId, idempotency: scope }, deps),
    toResponse,
  ),
);

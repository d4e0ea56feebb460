import { idempotencyStore, planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';
import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { routes } from '../../shared/catalog/routes.ts';
import type { Plan } from '../../shared/lending/app/plan-store.ts';
import { cancelPlan } from '../../shared/lending/app/plans.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';

const toResponse = (plan: Plan) => ({ statusCode: 200, body: toPlanView(plan) });
const deps = { ...planDeps(), toResponse };
const idempotency = idempotencyStore();

export const handler = httpHandler(routes.cancelPlan, async (request) =>
  respondIdempotently(
    routes.cancelPlan,
    request,
    idempotency,
    () => systemClock.now(),
    (scope) => cancelPlan({ principal: request.principal, planId: request.pathParameters.planId, correlationId: request.context.correlationId, idempotency: scope }, deps),
    toResponse,
  ),
);

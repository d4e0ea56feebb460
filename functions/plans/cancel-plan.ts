import { idempotencyStore, planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { respondIdempotently } from '../../shared/http/idempotency.ts';
import { systemClock } from '../../shared/platform/clock-and-ids.ts';
import { routes } from '../../shared/platform/routes.ts';
import type { Plan } from '../../shared/use-cases/plans/plan-store.ts';
import { cancelPlan } from '../../shared/use-cases/plans/plans.ts';
import { toPlanView } from './views.ts';

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

import { idempotencyStore, planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { respondIdempotently } from '../../shared/http/idempotency.ts';
import { systemClock } from '../../shared/platform/clock-and-ids.ts';
import { routes } from '../../shared/platform/routes.ts';
import { createPlan } from '../../shared/use-cases/plans/plans.ts';
import { toPlanView } from './views.ts';

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

import { idempotencyStore, planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { respondIdempotently } from '../../shared/http/idempotency.ts';
import { systemClock } from '../../shared/platform/clock-and-ids.ts';
import { routes } from '../../shared/platform/routes.ts';
import { createPaymentIntent } from '../../shared/use-cases/plans/plans.ts';
import { toPaymentView } from '../plans/views.ts';

const toResponse = (payment: Parameters<typeof toPaymentView>[0]) => ({ statusCode: 201, body: toPaymentView(payment) });
const deps = { ...planDeps(), toResponse };
const idempotency = idempotencyStore();

export const handler = httpHandler(routes.requestEarlySettlement, async (request) =>
  respondIdempotently(
    routes.requestEarlySettlement,
    request,
    idempotency,
    () => systemClock.now(),
    (scope) =>
      createPaymentIntent(
        {
          principal: request.principal,
          planId: request.pathParameters.planId,
          // No amount: the intent is for everything still payable.
          amountHalalas: undefined,
          method: request.body.method,
          correlationId: request.context.correlationId,
          idempotency: scope,
        },
        deps,
      ),
    toResponse,
  ),
);

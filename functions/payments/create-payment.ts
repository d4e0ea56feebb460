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

export const handler = httpHandler(routes.createPayment, async (request) =>
  respondIdempotently(
    routes.createPayment,
    request,
    idempotency,
    () => systemClock.now(),
    (scope) =>
      createPaymentIntent(
        {
          principal: request.principal,
          planId: request.pathParameters.planId,
          amountHalalas: request.body.amountHalalas,
          method: request.body.method,
          correlationId: request.context.correlationId,
          idempotency: scope,
        },
        deps,
      ),
    toResponse,
  ),
);

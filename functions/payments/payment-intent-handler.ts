import { idempotencyStore, planDeps } from '../../shared/composition/plans.ts';
import { httpHandler, type HttpRequest } from '../../shared/http/http-handler.ts';
import { respondIdempotently } from '../../shared/http/idempotency.ts';
import { systemClock } from '../../shared/platform/clock-and-ids.ts';
import type { routes } from '../../shared/platform/routes.ts';
import { createPaymentIntent } from '../../shared/use-cases/plans/plans.ts';
import { toPaymentView } from '../plans/views.ts';
import type { Principal } from '../../shared/http/request-context.ts';

type PaymentIntentRoute = typeof routes.createPayment | typeof routes.requestEarlySettlement;

const toResponse = (payment: Parameters<typeof toPaymentView>[0]) => ({ statusCode: 201, body: toPaymentView(payment) });

/** The idempotent handler behind both payment routes; they differ only in how the amount is chosen. */
export function paymentIntentHandler<TRoute extends PaymentIntentRoute>(route: TRoute, amountOf: (request: HttpRequest<TRoute>) => number | undefined) {
  const deps = { ...planDeps(), toResponse };
  const idempotency = idempotencyStore();
  return httpHandler(route, async (request) =>
    respondIdempotently(
      route,
      request,
      idempotency,
      () => systemClock.now(),
      (scope) =>
        createPaymentIntent(
          {
            // Both routes are role-protected, so the stack has already refused anonymous calls.
            principal: request.principal as Principal,
            planId: request.pathParameters.planId,
            amountHalalas: amountOf(request),
            method: request.body.method,
            correlationId: request.context.correlationId,
            idempotency: scope,
          },
          deps,
        ),
      toResponse,
    ),
  );
}

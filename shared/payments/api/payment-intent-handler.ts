import { idempotencyStore, planDeps } from '../../lending/compose.ts';
import { httpHandler, type HttpRequest } from '../../kernel/http/http-handler.ts';
import { respondIdempotently } from '../../kernel/http/idempotent-response.ts';
import { systemClock } from '../../kernel/clock-and-ids.ts';
import type { routes } from '../../catalog/routes.ts';
import { createPaymentIntent } from '../../lending/app/plans.ts';
import { toPaymentView } from '../../lending/api/views.ts';
import type { Principal } from '../../kernel/http/request-context.ts';

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

/** The idempotent handler behind both payment routes; they differ only in how the amount is chosen. */
import { systemClock } from '../../kernel/clock-and-ids.ts';
import { httpHandler, type HttpRequest } from '../../kernel/http/http-handler.ts';
import { respondIdempotently } from '../../kernel/http/idempotent-response.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { createPaymentIntent } from '../app/payment-intents.ts';
import { idempotencyStore, paymentIntentDeps } from '../compose.ts';
import type { paymentsRoutes } from './routes.ts';
import { toPaymentView } from './views.ts';

type PaymentIntentRoute = typeof paymentsRoutes.createPayment | typeof paymentsRoutes.requestEarlySettlement;

const toResponse = (payment: Parameters<typeof toPaymentView>[0]) => ({ statusCode: 201, body: toPaymentView(payment) });

export function paymentIntentHandler<TRoute extends PaymentIntentRoute>(route: TRoute, amountOf: (request: HttpRequest<TRoute>) => number | undefined) {
  return httpHandler(route, async (request) =>
    respondIdempotently(
      route,
      request,
      idempotencyStore(),
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
          { ...paymentIntentDeps(), toResponse },
        ),
      toResponse,
    ),
  );
}

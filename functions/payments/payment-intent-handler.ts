/** The idempotent handler behind both payment routes; they differ only in how the amount is chosen. */
import type { HttpRequest } from '../../shared/kernel/http/http-handler.ts';
import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import type { Principal } from '../../shared/kernel/http/request-context.ts';
import { createPaymentIntent } from '../../shared/payments/app/payment-intents.ts';
import { idempotencyStore, paymentIntentDeps } from '../../shared/payments/compose.ts';
import type { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { toPaymentView } from '../../shared/payments/api/views.ts';

type PaymentIntentRoute = typeof paymentsRoutes.createPayment | typeof paymentsRoutes.requestEarlySettlement;

const toResponse = (payment: Parameters<typeof toPaymentView>[0]) => ({ statusCode: 201, body: toPaymentView(payment) });

export function paymentIntentHandler<TRoute extends PaymentIntentRoute>(route: TRoute, amountOf: (request: HttpRequest<TRoute>) => number | undefined) {
  return idempotentHttpHandler(
    route,
    idempotencyStore,
    (request, idempotency) =>
      createPaymentIntent(
        {
          // Both routes are role-protected, so the stack has already refused anonymous calls.
          principal: request.principal as Principal,
          planId: request.pathParameters.planId,
          amountHalalas: amountOf(request),
          method: request.body.method,
          correlationId: request.context.correlationId,
          idempotency,
        },
        paymentIntentDeps(),
      ),
    toResponse,
  );
}

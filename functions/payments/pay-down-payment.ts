import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import type { Principal } from '../../shared/kernel/http/request-context.ts';
import { paymentsRoutes } from '../../shared/payments/api/routes.ts';
import { toPaymentView } from '../../shared/payments/api/views.ts';
import { createDownPaymentIntent } from '../../shared/payments/app/down-payments.ts';
import { idempotencyStore, paymentDeps } from '../../shared/payments/compose.ts';

export const handler = idempotentHttpHandler(
  paymentsRoutes.payDownPayment,
  idempotencyStore,
  (request, idempotency) =>
    createDownPaymentIntent(
      {
        // The route is role-protected, so the stack has already refused anonymous calls.
        principal: request.principal as Principal,
        projectId: request.pathParameters.projectId,
        method: request.body.method,
        correlationId: request.context.correlationId,
        idempotency,
      },
      paymentDeps(),
    ),
  (payment: Parameters<typeof toPaymentView>[0]) => ({ statusCode: 201, body: toPaymentView(payment) }),
);

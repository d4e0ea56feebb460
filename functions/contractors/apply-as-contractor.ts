import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toContractorView } from '../../shared/contractors/api/views.ts';
import { applyAsContractor } from '../../shared/contractors/app/applications.ts';

import { applicationDeps } from '../../shared/contractors/compose-personal-data.ts';
import { idempotencyStore } from '../../shared/contractors/compose.ts';
import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../shared/kernel/http/idempotent-response.ts';

const route = contractorsRoutes.applyAsContractor;

export const handler = httpHandler(route, async (request) =>
  respondIdempotently(
    route,
    request,
    idempotencyStore(),
    () => systemClock.now(),
    (idempotency) => applyAsContractor({ principal: request.principal, application: request.body, correlationId: request.context.correlationId, idempotency }, applicationDeps()),
    (contractor: Parameters<typeof toContractorView>[0]) => ({ statusCode: 201, body: toContractorView(contractor, 'ADMINISTRATOR') }),
  ),
);

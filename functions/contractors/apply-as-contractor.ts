import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toContractorView } from '../../shared/contractors/api/views.ts';
import { applyAsContractor } from '../../shared/contractors/app/applications.ts';
import { applicationDeps } from '../../shared/contractors/compose-personal-data.ts';
import { idempotencyStore } from '../../shared/contractors/compose.ts';
import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';

export const handler = idempotentHttpHandler(
  contractorsRoutes.applyAsContractor,
  idempotencyStore,
  (request, idempotency) => applyAsContractor({ principal: request.principal, application: request.body, correlationId: request.context.correlationId, idempotency }, applicationDeps()),
  (contractor: Parameters<typeof toContractorView>[0]) => ({ statusCode: 201, body: toContractorView(contractor, 'ADMINISTRATOR') }),
);

import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toDecisionView } from '../../shared/contractors/api/views.ts';
import { confirmContractorDecision } from '../../shared/contractors/app/decisions.ts';
import { contractorDeps } from '../../shared/contractors/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.confirmContractorDecision, async (request) => ({
  statusCode: 200,
  body: toDecisionView(
    await confirmContractorDecision({ principal: request.principal, ...request.pathParameters, correlationId: request.context.correlationId }, contractorDeps()),
  ),
}));

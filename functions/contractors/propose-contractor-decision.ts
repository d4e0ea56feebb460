import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toDecisionView } from '../../shared/contractors/api/views.ts';
import { proposeContractorDecision } from '../../shared/contractors/app/decisions.ts';
import { contractorDeps } from '../../shared/contractors/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.proposeContractorDecision, async (request) => ({
  statusCode: 201,
  body: toDecisionView(await proposeContractorDecision({ principal: request.principal, contractorId: request.pathParameters.contractorId, ...request.body }, contractorDeps())),
}));

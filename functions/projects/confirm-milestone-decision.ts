import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toMilestoneDecisionView } from '../../shared/projects/api/views.ts';
import { confirmMilestoneDecisionOf } from '../../shared/projects/app/decisions.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.confirmMilestoneDecision, async (request) => ({
  statusCode: 200,
  body: toMilestoneDecisionView(await confirmMilestoneDecisionOf({ principal: request.principal, ...request.pathParameters, correlationId: request.context.correlationId }, projectDeps())),
}));

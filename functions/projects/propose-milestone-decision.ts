import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toMilestoneDecisionView } from '../../shared/projects/api/views.ts';
import { proposeMilestoneDecision } from '../../shared/projects/app/decisions.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.proposeMilestoneDecision, async (request) => ({
  statusCode: 201,
  body: toMilestoneDecisionView(await proposeMilestoneDecision({ principal: request.principal, ...request.pathParameters, ...request.body }, projectDeps())),
}));

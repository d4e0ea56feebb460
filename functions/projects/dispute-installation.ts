import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { disputeProjectInstallation } from '../../shared/projects/app/milestones.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.disputeInstallation, async (request) => ({
  statusCode: 200,
  body: toProjectView(await disputeProjectInstallation({ principal: request.principal, projectId: request.pathParameters.projectId, reason: request.body.reason }, projectDeps())),
}));

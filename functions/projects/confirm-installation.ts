import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { confirmProjectInstallation } from '../../shared/projects/app/milestones.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.confirmInstallation, async (request) => ({
  statusCode: 200,
  body: toProjectView(await confirmProjectInstallation({ principal: request.principal, projectId: request.pathParameters.projectId }, projectDeps())),
}));

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { readProject } from '../../shared/projects/app/projects.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.getProject, async (request) => ({
  statusCode: 200,
  body: toProjectView((await readProject({ principal: request.principal, projectId: request.pathParameters.projectId }, projectDeps())).project),
}));

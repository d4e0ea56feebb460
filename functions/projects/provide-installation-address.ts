import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { provideInstallationAddress } from '../../shared/projects/app/projects.ts';
import { personalDataDeps } from '../../shared/projects/compose-personal-data.ts';

export const handler = httpHandler(projectsRoutes.provideInstallationAddress, async (request) => ({
  statusCode: 200,
  body: toProjectView(await provideInstallationAddress({ principal: request.principal, projectId: request.pathParameters.projectId, ...request.body }, personalDataDeps())),
}));

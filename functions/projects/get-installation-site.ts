import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toInstallationSiteView } from '../../shared/projects/api/views.ts';
import { readInstallationSite } from '../../shared/projects/app/projects.ts';
import { personalDataDeps } from '../../shared/projects/compose-personal-data.ts';

export const handler = httpHandler(projectsRoutes.getInstallationSite, async (request) => ({
  statusCode: 200,
  body: toInstallationSiteView(await readInstallationSite({ principal: request.principal, projectId: request.pathParameters.projectId }, personalDataDeps())),
}));

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { PROJECT_PAGE_SIZE_MAX } from '../../shared/projects/api/contracts.ts';
import { toProjectPageView } from '../../shared/projects/api/views.ts';
import { listCustomerProjects } from '../../shared/projects/app/projects.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.listOwnProjects, async (request) => ({
  statusCode: 200,
  body: toProjectPageView(await listCustomerProjects({ principal: request.principal, limit: request.query.limit ?? PROJECT_PAGE_SIZE_MAX, cursor: request.query.cursor }, projectDeps())),
}));

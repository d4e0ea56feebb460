import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toAgreementView } from '../../shared/projects/api/views.ts';
import { readAgreement } from '../../shared/projects/app/projects.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.getAgreement, async (request) => ({
  statusCode: 200,
  body: toAgreementView(await readAgreement({ principal: request.principal, projectId: request.pathParameters.projectId }, projectDeps())),
}));

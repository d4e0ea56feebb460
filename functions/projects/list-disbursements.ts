import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toDisbursementView } from '../../shared/projects/api/views.ts';
import { listProjectDisbursements } from '../../shared/projects/app/projects.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

export const handler = httpHandler(projectsRoutes.listDisbursements, async (request) => {
  const { projectId, disbursements } = await listProjectDisbursements({ principal: request.principal, projectId: request.pathParameters.projectId }, projectDeps());
  return { statusCode: 200, body: { projectId, disbursements: disbursements.map(toDisbursementView) } };
});

import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { cancelProjectByCustomer } from '../../shared/projects/app/cancellation.ts';
import { idempotencyStore, projectDeps } from '../../shared/projects/compose.ts';

export const handler = idempotentHttpHandler(
  projectsRoutes.cancelProject,
  idempotencyStore,
  (request, idempotency) => cancelProjectByCustomer({ principal: request.principal, projectId: request.pathParameters.projectId, correlationId: request.context.correlationId, idempotency }, projectDeps()),
  (project: Parameters<typeof toProjectView>[0]) => ({ statusCode: 200, body: toProjectView(project) }),
);

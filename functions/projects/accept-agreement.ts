import { idempotentHttpHandler } from '../../shared/kernel/http/idempotent-response.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { acceptProjectAgreement } from '../../shared/projects/app/projects.ts';
import { idempotencyStore, projectDeps } from '../../shared/projects/compose.ts';

export const handler = idempotentHttpHandler(
  projectsRoutes.acceptAgreement,
  idempotencyStore,
  (request, idempotency) =>
    acceptProjectAgreement(
      { principal: request.principal, projectId: request.pathParameters.projectId, ...request.body, correlationId: request.context.correlationId, idempotency },
      projectDeps(),
    ),
  (project: Parameters<typeof toProjectView>[0]) => ({ statusCode: 200, body: toProjectView(project) }),
);

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toProjectView } from '../../shared/projects/api/views.ts';
import { submitMilestoneEvidence } from '../../shared/projects/app/milestones.ts';
import { evidenceDeps } from '../../shared/projects/compose-evidence.ts';

export const handler = httpHandler(projectsRoutes.submitMilestone, async (request) => ({
  statusCode: 200,
  body: toProjectView(await submitMilestoneEvidence({ principal: request.principal, ...request.pathParameters, ...request.body, correlationId: request.context.correlationId }, evidenceDeps())),
}));

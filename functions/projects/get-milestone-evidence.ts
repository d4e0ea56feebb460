import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toMilestoneEvidenceView } from '../../shared/projects/api/views.ts';
import { readMilestoneEvidence } from '../../shared/projects/app/milestones.ts';
import { evidenceDeps } from '../../shared/projects/compose-evidence.ts';

export const handler = httpHandler(projectsRoutes.getMilestoneEvidence, async (request) => ({
  statusCode: 200,
  body: toMilestoneEvidenceView(await readMilestoneEvidence({ principal: request.principal, ...request.pathParameters }, evidenceDeps())),
}));

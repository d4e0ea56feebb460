import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toEvidenceUploadView } from '../../shared/projects/api/views.ts';
import { requestEvidenceUpload } from '../../shared/projects/app/milestones.ts';
import { evidenceDeps } from '../../shared/projects/compose-evidence.ts';

export const handler = httpHandler(projectsRoutes.requestEvidenceUpload, async (request) => ({
  statusCode: 201,
  body: toEvidenceUploadView(await requestEvidenceUpload({ principal: request.principal, ...request.pathParameters, contentType: request.body.contentType }, evidenceDeps())),
}));

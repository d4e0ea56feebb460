import { assessmentDeps } from '../../shared/credit/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { creditRoutes } from '../../shared/credit/api/routes.ts';
import { getCreditAssessment } from '../../shared/credit/app/credit-assessment.ts';
import { toAssessmentView } from '../../shared/credit/api/views.ts';


export const handler = httpHandler(creditRoutes.getCreditAssessment, async (request) => ({
  statusCode: 200,
  body: toAssessmentView(await getCreditAssessment({ principal: request.principal, assessmentId: request.pathParameters.assessmentId }, assessmentDeps())),
}));

import { assessmentDeps } from '../../shared/credit/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { creditRoutes } from '../../shared/credit/api/routes.ts';
import { requestCreditAssessment } from '../../shared/credit/app/credit-assessment.ts';
import { toAssessmentView } from '../../shared/credit/api/views.ts';


export const handler = httpHandler(creditRoutes.requestCreditAssessment, async (request) => {
  const assessment = await requestCreditAssessment(
    { principal: request.principal, consent: request.body.consent, correlationId: request.context.correlationId },
    assessmentDeps(),
  );
  return { statusCode: 202, body: toAssessmentView(assessment) };
});

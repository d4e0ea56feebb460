import { clock, customerStore, ids } from '../../shared/composition/adapters.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { requestCreditAssessment } from '../../shared/use-cases/credit/credit-assessment.ts';
import { toAssessmentView } from './assessment-view.ts';

const deps = { customerStore: customerStore(), clock, ids };

export const handler = httpHandler(routes.requestCreditAssessment, async (request) => {
  const assessment = await requestCreditAssessment(
    { principal: request.principal, consent: request.body.consent, correlationId: request.context.correlationId },
    deps,
  );
  return { statusCode: 202, body: toAssessmentView(assessment) };
});

import { customerStore } from '../../shared/composition/adapters.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { getCreditAssessment } from '../../shared/use-cases/credit/credit-assessment.ts';
import { toAssessmentView } from './assessment-view.ts';

const deps = { customerStore: customerStore() };

export const handler = httpHandler(routes.getCreditAssessment, async (request) => ({
  statusCode: 200,
  body: toAssessmentView(await getCreditAssessment({ principal: request.principal, assessmentId: request.pathParameters.assessmentId }, deps)),
}));

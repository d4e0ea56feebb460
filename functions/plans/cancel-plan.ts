import { planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { cancelPlan } from '../../shared/use-cases/plans/plans.ts';
import { toPlanView } from './views.ts';

const deps = planDeps();

export const handler = httpHandler(routes.cancelPlan, async (request) => ({
  statusCode: 200,
  body: toPlanView(await cancelPlan({ principal: request.principal, planId: request.pathParameters.planId, correlationId: request.context.correlationId }, deps)),
}));

import { planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { findOwnPlan } from '../../shared/use-cases/plans/plans.ts';
import { toPlanView } from './views.ts';

const { planStore } = planDeps();

export const handler = httpHandler(routes.getPlan, async (request) => ({
  statusCode: 200,
  body: toPlanView(await findOwnPlan(request.principal, request.pathParameters.planId, planStore)),
}));

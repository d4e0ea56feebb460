import { planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { findOwnPlan } from '../../shared/lending/app/plans.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';

const { planStore } = planDeps();

export const handler = httpHandler(routes.getPlan, async (request) => ({
  statusCode: 200,
  body: toPlanView(await findOwnPlan(request.principal, request.pathParameters.planId, planStore)),
}));

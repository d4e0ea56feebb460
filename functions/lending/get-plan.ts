import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';
import { findOwnPlan } from '../../shared/lending/app/plans.ts';
import { lendingDeps } from '../../shared/lending/compose.ts';

export const handler = httpHandler(lendingRoutes.getPlan, async (request) => ({
  statusCode: 200,
  body: toPlanView(await findOwnPlan(request.principal, request.pathParameters.planId, lendingDeps().planStore)),
}));

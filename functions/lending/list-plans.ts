import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { PLAN_PAGE_SIZE_DEFAULT } from '../../shared/lending/api/contracts.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';
import { listOwnPlans } from '../../shared/lending/app/plans.ts';
import { lendingDeps } from '../../shared/lending/compose.ts';

export const handler = httpHandler(lendingRoutes.listPlans, async (request) => {
  const page = await listOwnPlans({ principal: request.principal, limit: request.query.limit ?? PLAN_PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, lendingDeps().planStore);
  return { statusCode: 200, body: { plans: page.plans.map(toPlanView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) } };
});

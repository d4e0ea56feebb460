import { planDeps } from '../../shared/lending/compose.ts';
import { PLAN_PAGE_SIZE_DEFAULT } from '../../shared/lending/api/contracts.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { toPlanView } from '../../shared/lending/api/views.ts';

const { planStore } = planDeps();

export const handler = httpHandler(routes.listPlans, async (request) => {
  const page = await planStore.listPlans(request.principal.principalId, request.query.limit ?? PLAN_PAGE_SIZE_DEFAULT, request.query.cursor);
  return { statusCode: 200, body: { plans: page.plans.map(toPlanView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) } };
});

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { STATEMENT_PAGE_SIZE_DEFAULT } from '../../shared/lending/api/contracts.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toStatementView } from '../../shared/lending/api/views.ts';
import { planStatement } from '../../shared/lending/app/plans.ts';
import { lendingDeps } from '../../shared/lending/compose.ts';

export const handler = httpHandler(lendingRoutes.getPlanStatement, async (request) => {
  const query = { principal: request.principal, planId: request.pathParameters.planId, limit: request.query.limit ?? STATEMENT_PAGE_SIZE_DEFAULT, cursor: request.query.cursor };
  return { statusCode: 200, body: toStatementView(await planStatement(query, lendingDeps().planStore)) };
});

import { planDeps } from '../../shared/lending/compose.ts';
import { STATEMENT_PAGE_SIZE_DEFAULT } from '../../shared/lending/api/contracts.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { planStatement } from '../../shared/lending/app/plans.ts';

const { planStore } = planDeps();

export const handler = httpHandler(routes.getPlanStatement, async (request) => {
  const page = await planStatement(
    { principal: request.principal, planId: request.pathParameters.planId, limit: request.query.limit ?? STATEMENT_PAGE_SIZE_DEFAULT, cursor: request.query.cursor },
    planStore,
  );
  return {
    statusCode: 200,
    body: {
      planId: page.planId,
      journals: page.journals.map((journal) => ({
        journalId: journal.journalId,
        description: journal.description,
        postedAt: journal.postedAt.toISOString(),
        ...(journal.reverses === undefined ? {} : { reverses: journal.reverses }),
        entries: journal.entries.map(({ account, side, amountHalalas }) => ({ account, side, amountHalalas })),
      })),
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    },
  };
});

import { planDeps } from '../../shared/composition/plans.ts';
import { STATEMENT_JOURNALS_MAX } from '../../shared/contracts/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { findOwnPlan } from '../../shared/use-cases/plans/plans.ts';

const { planStore } = planDeps();

export const handler = httpHandler(routes.getPlanStatement, async (request) => {
  const plan = await findOwnPlan(request.principal, request.pathParameters.planId, planStore);
  const journals = await planStore.listJournals(plan.planId, STATEMENT_JOURNALS_MAX);
  return {
    statusCode: 200,
    body: {
      planId: plan.planId,
      journals: journals.map((journal) => ({
        journalId: journal.journalId,
        description: journal.description,
        postedAt: journal.postedAt.toISOString(),
        ...(journal.reverses === undefined ? {} : { reverses: journal.reverses }),
        entries: journal.entries.map(({ account, side, amountHalalas }) => ({ account, side, amountHalalas })),
      })),
    },
  };
});

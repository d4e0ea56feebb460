import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toContractorView } from '../../shared/contractors/api/views.ts';
import { getOwnContractor } from '../../shared/contractors/app/applications.ts';
import { contractorDeps } from '../../shared/contractors/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.getOwnContractor, async (request) => {
  const { contractor, memberRole } = await getOwnContractor(request.principal, contractorDeps());
  return { statusCode: 200, body: toContractorView(contractor, memberRole) };
});

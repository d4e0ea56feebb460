import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toContractorView } from '../../shared/contractors/api/views.ts';
import { getContractorForStaff } from '../../shared/contractors/app/applications.ts';
import { contractorDeps } from '../../shared/contractors/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.getContractorForStaff, async (request) => ({
  statusCode: 200,
  body: toContractorView(await getContractorForStaff(request.pathParameters.contractorId, contractorDeps())),
}));

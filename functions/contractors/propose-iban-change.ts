import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toIbanChangeView } from '../../shared/contractors/api/views.ts';
import { proposeIbanChange } from '../../shared/contractors/app/iban-changes.ts';
import { contractorDeps } from '../../shared/contractors/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.proposeIbanChange, async (request) => ({
  statusCode: 200,
  body: toIbanChangeView(await proposeIbanChange({ principal: request.principal, ...request.pathParameters, ...request.body }, contractorDeps())),
}));

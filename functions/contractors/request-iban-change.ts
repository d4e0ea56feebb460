import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { toIbanChangeView } from '../../shared/contractors/api/views.ts';
import { requestIbanChange } from '../../shared/contractors/app/iban-changes.ts';
import { ibanChangeDeps } from '../../shared/contractors/compose-personal-data.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.requestIbanChange, async (request) => ({
  statusCode: 201,
  body: toIbanChangeView(await requestIbanChange({ principal: request.principal, iban: request.body.iban }, ibanChangeDeps())),
}));

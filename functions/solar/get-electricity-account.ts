import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { solarRoutes } from '../../shared/solar/api/routes.ts';
import { toElectricityAccountView } from '../../shared/solar/api/views.ts';
import { getElectricityAccount } from '../../shared/solar/app/electricity-accounts.ts';
import { accountReadDeps } from '../../shared/solar/compose.ts';

export const handler = httpHandler(solarRoutes.getElectricityAccount, async (request) => ({
  statusCode: 200,
  body: toElectricityAccountView(await getElectricityAccount({ principal: request.principal, accountId: request.pathParameters.accountId }, accountReadDeps())),
}));

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { solarRoutes } from '../../shared/solar/api/routes.ts';
import { toElectricityAccountView } from '../../shared/solar/api/views.ts';
import { linkElectricityAccount } from '../../shared/solar/app/electricity-accounts.ts';
import { linkAccountDeps } from '../../shared/solar/compose-personal-data.ts';

export const handler = httpHandler(solarRoutes.linkElectricityAccount, async (request) => {
  const account = await linkElectricityAccount(
    { principal: request.principal, ...request.body, correlationId: request.context.correlationId },
    linkAccountDeps(),
  );
  return { statusCode: 202, body: toElectricityAccountView({ account, suitability: undefined }) };
});

import { profileDeps } from '../../shared/customers/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { getOwnProfile } from '../../shared/customers/app/customers.ts';


export const handler = httpHandler(customersRoutes.getOwnProfile, async (request) => ({
  statusCode: 200,
  body: await getOwnProfile({ principal: request.principal }, profileDeps()),
}));

import { profileDeps } from '../../shared/customers/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { updateContact } from '../../shared/customers/app/customers.ts';


export const handler = httpHandler(customersRoutes.updateContact, async (request) => {
  const profile = await updateContact({ principal: request.principal, changes: request.body }, profileDeps());
  return { statusCode: 200, body: profile };
});

import { registrationDeps } from '../../shared/customers/compose-registration.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { registerCustomer } from '../../shared/customers/app/customers.ts';


export const handler = httpHandler(customersRoutes.registerCustomer, async (request) => {
  const profile = await registerCustomer(
    { principal: request.principal, details: request.body, correlationId: request.context.correlationId },
    registrationDeps(),
  );
  return { statusCode: 201, body: profile };
});

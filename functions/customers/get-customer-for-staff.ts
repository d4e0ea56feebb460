import { profileDeps } from '../../shared/customers/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { getCustomerForStaff } from '../../shared/customers/app/customers.ts';


export const handler = httpHandler(customersRoutes.getCustomerForStaff, async (request) => ({
  statusCode: 200,
  body: await getCustomerForStaff(
    { principal: request.principal, customerId: request.pathParameters.customerId, reason: request.query.reason },
    profileDeps(),
  ),
}));

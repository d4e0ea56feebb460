import { clock, customerStore } from '../../shared/composition/adapters.ts';
import { personalDataCipher } from '../../shared/composition/personal-data.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { getCustomerForStaff } from '../../shared/use-cases/customers/customers.ts';

const deps = { customerStore: customerStore(), cipher: personalDataCipher(), clock };

export const handler = httpHandler(routes.getCustomerForStaff, async (request) => ({
  statusCode: 200,
  body: await getCustomerForStaff(
    { principal: request.principal, customerId: request.pathParameters.customerId, reason: request.query.reason },
    deps,
  ),
}));

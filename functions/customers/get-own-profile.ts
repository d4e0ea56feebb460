import { customerStore } from '../../shared/identity/compose.ts';
import { personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { getOwnProfile } from '../../shared/customers/app/customers.ts';

const deps = { customerStore: customerStore(), cipher: personalDataCipher() };

export const handler = httpHandler(customersRoutes.getOwnProfile, async (request) => ({
  statusCode: 200,
  body: await getOwnProfile({ principal: request.principal }, deps),
}));

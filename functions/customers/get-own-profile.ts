import { customerStore } from '../../shared/composition/adapters.ts';
import { personalDataCipher } from '../../shared/composition/personal-data.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { getOwnProfile } from '../../shared/use-cases/customers/customers.ts';

const deps = { customerStore: customerStore(), cipher: personalDataCipher() };

export const handler = httpHandler(routes.getOwnProfile, async (request) => ({
  statusCode: 200,
  body: await getOwnProfile({ principal: request.principal }, deps),
}));

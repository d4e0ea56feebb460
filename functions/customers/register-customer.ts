import { clock, customerStore, identityStore, ids } from '../../shared/composition/adapters.ts';
import { personalDataCipher } from '../../shared/composition/personal-data.ts';
import { loadLendingPolicy } from '../../shared/config/policy-config.ts';
import { normaliseSaudiMobile } from '../../shared/domain/identity/phone.ts';
import { RabhanError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { registerCustomer } from '../../shared/use-cases/customers/customers.ts';

const deps = { customerStore: customerStore(), identityStore: identityStore(), cipher: personalDataCipher(), clock, ids, policy: loadLendingPolicy() };

export const handler = httpHandler(routes.registerCustomer, async (request) => {
  const phone = normaliseSaudiMobile(request.body.phone);
  if (phone === undefined) throw new RabhanError('VALIDATION_FAILED', { details: [{ field: 'body.phone', issue: 'must be a Saudi mobile number' }] });
  const profile = await registerCustomer(
    { principal: request.principal, details: { ...request.body, phone }, correlationId: request.context.correlationId },
    deps,
  );
  return { statusCode: 201, body: profile };
});

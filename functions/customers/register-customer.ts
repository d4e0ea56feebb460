import { clock, customerStore, identityStore, ids } from '../../shared/identity/compose.ts';
import { personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { loadLendingPolicy } from '../../shared/kernel/config/policy-config.ts';
import { normaliseSaudiMobile } from '../../shared/customers/domain/phone.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { registerCustomer } from '../../shared/customers/app/customers.ts';
import { kernelError } from '../../shared/kernel/errors/kernel-error-codes.ts';

const deps = { customerStore: customerStore(), identityStore: identityStore(), cipher: personalDataCipher(), clock, ids, policy: loadLendingPolicy() };

export const handler = httpHandler(customersRoutes.registerCustomer, async (request) => {
  const phone = normaliseSaudiMobile(request.body.phone);
  if (phone === undefined) throw kernelError('VALIDATION_FAILED', { details: [{ field: 'body.phone', issue: 'must be a Saudi mobile number' }] });
  const profile = await registerCustomer(
    { principal: request.principal, details: { ...request.body, phone }, correlationId: request.context.correlationId },
    deps,
  );
  return { statusCode: 201, body: profile };
});

import { clock, customerStore } from '../../shared/identity/compose.ts';
import { personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { normaliseSaudiMobile } from '../../shared/customers/domain/phone.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { customersRoutes } from '../../shared/customers/api/routes.ts';
import { updateContact } from '../../shared/customers/app/customers.ts';
import { kernelError } from '../../shared/kernel/errors/kernel-error-codes.ts';

const deps = { customerStore: customerStore(), cipher: personalDataCipher(), clock };

export const handler = httpHandler(customersRoutes.updateContact, async (request) => {
  const phone = request.body.phone === undefined ? undefined : normaliseSaudiMobile(request.body.phone);
  if (request.body.phone !== undefined && phone === undefined) {
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'body.phone', issue: 'must be a Saudi mobile number' }] });
  }
  const profile = await updateContact({ principal: request.principal, changes: { ...request.body, phone } }, deps);
  return { statusCode: 200, body: profile };
});

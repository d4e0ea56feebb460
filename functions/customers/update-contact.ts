import { clock, customerStore } from '../../shared/composition/adapters.ts';
import { personalDataCipher } from '../../shared/composition/personal-data.ts';
import { normaliseSaudiMobile } from '../../shared/domain/identity/phone.ts';
import { RabhanError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { updateContact } from '../../shared/use-cases/customers/customers.ts';

const deps = { customerStore: customerStore(), cipher: personalDataCipher(), clock };

export const handler = httpHandler(routes.updateContact, async (request) => {
  const phone = request.body.phone === undefined ? undefined : normaliseSaudiMobile(request.body.phone);
  if (request.body.phone !== undefined && phone === undefined) {
    throw new RabhanError('VALIDATION_FAILED', { details: [{ field: 'body.phone', issue: 'must be a Saudi mobile number' }] });
  }
  const profile = await updateContact({ principal: request.principal, changes: { ...request.body, phone } }, deps);
  return { statusCode: 200, body: profile };
});

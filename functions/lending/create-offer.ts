import { personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { createOffer } from '../../shared/lending/app/plans.ts';
import { toOfferView } from '../../shared/lending/api/views.ts';

const deps = { ...planDeps(), cipher: personalDataCipher() };

export const handler = httpHandler(routes.createOffer, async (request) => {
  const offer = await createOffer(
    {
      principal: request.principal,
      amountHalalas: request.body.amountHalalas,
      downPaymentHalalas: request.body.downPaymentHalalas ?? 0,
      installmentCount: request.body.installmentCount,
    },
    deps,
  );
  return { statusCode: 201, body: toOfferView(offer) };
});

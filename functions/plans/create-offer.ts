import { personalDataCipher } from '../../shared/composition/personal-data.ts';
import { planDeps } from '../../shared/composition/plans.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';
import { createOffer } from '../../shared/use-cases/plans/plans.ts';
import { toOfferView } from './views.ts';

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

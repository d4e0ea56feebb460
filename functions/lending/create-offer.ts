import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { toOfferView } from '../../shared/lending/api/views.ts';
import { createOffer } from '../../shared/lending/app/offers.ts';
import { offerDeps } from '../../shared/lending/compose-personal-data.ts';

export const handler = httpHandler(lendingRoutes.createOffer, async (request) => {
  const offer = await createOffer(
    { principal: request.principal, amountHalalas: request.body.amountHalalas, downPaymentHalalas: request.body.downPaymentHalalas ?? 0, installmentCount: request.body.installmentCount },
    offerDeps(),
  );
  return { statusCode: 201, body: toOfferView(offer) };
});

import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { solarRoutes } from '../../shared/solar/api/routes.ts';
import { toEstimateView } from '../../shared/solar/api/views.ts';
import { createSolarEstimate } from '../../shared/solar/app/estimates.ts';
import { estimateDeps, optionalCustomer } from '../../shared/solar/compose.ts';

export const handler = httpHandler(solarRoutes.createSolarEstimate, async (request) => {
  const principal = await optionalCustomer()(request.header('authorization'));
  const estimate = await createSolarEstimate({ principal, request: request.body }, estimateDeps());
  return { statusCode: 200, body: toEstimateView(estimate) };
});

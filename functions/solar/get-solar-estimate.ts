import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { solarRoutes } from '../../shared/solar/api/routes.ts';
import { toEstimateView } from '../../shared/solar/api/views.ts';
import { getSolarEstimate } from '../../shared/solar/app/estimates.ts';
import { estimateDeps } from '../../shared/solar/compose.ts';

export const handler = httpHandler(solarRoutes.getSolarEstimate, async (request) => ({
  statusCode: 200,
  body: toEstimateView(await getSolarEstimate({ principal: request.principal, estimateId: request.pathParameters.estimateId }, estimateDeps())),
}));

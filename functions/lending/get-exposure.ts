import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { lendingRoutes } from '../../shared/lending/api/routes.ts';
import { exposureOf } from '../../shared/lending/app/exposure.ts';
import { lendingDeps } from '../../shared/lending/compose.ts';

export const handler = httpHandler(lendingRoutes.getExposure, async (request) => ({ statusCode: 200, body: await exposureOf(request.principal, lendingDeps()) }));

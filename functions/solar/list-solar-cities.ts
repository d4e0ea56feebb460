import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { solarRoutes } from '../../shared/solar/api/routes.ts';
import { toCitiesView } from '../../shared/solar/api/views.ts';

export const handler = httpHandler(solarRoutes.listSolarCities, async () => ({ statusCode: 200, body: toCitiesView() }));

import { RabhanError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';

/** Unknown routes answer in the documented error format and language instead of API Gateway's default body. */
export const handler = httpHandler(routes.routeNotFound, async () => {
  throw new RabhanError('ROUTE_NOT_FOUND');
});

import { RabhanError } from '../../shared/kernel/errors/rabhan-error.ts';
import { routingHandler } from '../../shared/kernel/http/http-handler.ts';
import { declaredMethods } from '../../shared/kernel/http/api-resources.ts';
import { routeList } from '../../shared/catalog/routes.ts';

/**
 * Answers, in the documented error format and language, what API Gateway would otherwise answer by itself: a method
 * the matched resource does not declare gets 405 with the methods it does declare in `Allow`, any other path 404.
 */
export const handler = routingHandler(async (request) => {
  const allowed = declaredMethods(routeList, request.resource);
  if (allowed.length === 0) throw new RabhanError('ROUTE_NOT_FOUND');
  throw new RabhanError('METHOD_NOT_ALLOWED', { headers: { Allow: allowed.join(', ') } });
});

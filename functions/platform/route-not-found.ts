import { routingHandler } from '../../shared/kernel/http/http-handler.ts';
import { declaredMethods } from '../../shared/kernel/http/api-resources.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { kernelError } from '../../shared/kernel/errors/kernel-error-codes.ts';

/**
 * Answers, in the documented error format and language, what API Gateway would otherwise answer by itself: a method
 * the matched resource does not declare gets 405 with the methods it does declare in `Allow`, any other path 404.
 */
export const handler = routingHandler(async (request) => {
  const allowed = declaredMethods(routeList, request.resource);
  if (allowed.length === 0) throw kernelError('ROUTE_NOT_FOUND');
  throw kernelError('METHOD_NOT_ALLOWED', { headers: { Allow: allowed.join(', ') } });
});

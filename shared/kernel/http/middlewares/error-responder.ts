import { logger } from '../../observability/logger.ts';
import { buildErrorResponseBody, toClientError } from '../error-response.ts';
import { DEFAULT_LANGUAGE } from '../language.ts';
import type { HttpMiddleware } from './request-context.ts';

/**
 * Turns any error into the documented error format. Client errors are logged at info without their cause;
 * server errors are logged in full (the logger redacts personal fields) and answered with a generic 500.
 */
export function errorResponderMiddleware(now: () => Date = () => new Date()): HttpMiddleware {
  return {
    onError: (request) => {
      const clientError = toClientError(request.error);
      if (clientError.httpStatus >= 500) logger.error('Request failed', { error: request.error });
      else logger.info('Request refused', { code: clientError.code, httpStatus: clientError.httpStatus });
      const rabhan = request.context.rabhan;
      const body = buildErrorResponseBody(
        clientError,
        rabhan?.language ?? DEFAULT_LANGUAGE,
        rabhan?.requestId ?? request.context.awsRequestId ?? 'unknown',
        now(),
      );
      request.response = { statusCode: clientError.httpStatus, headers: { ...clientError.headers }, body: JSON.stringify(body) };
    },
  };
}

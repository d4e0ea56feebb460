import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { logger } from '../../observability/logger.ts';
import { ROLES, type Role } from '../roles.ts';
import { negotiateLanguage } from '../language.ts';
import type { HttpRequestContext, Principal } from '../request-context.ts';
import { kernelError } from '../../errors/kernel-error-codes.ts';

export type RabhanHttpLambdaContext = Context & { rabhan: HttpRequestContext };
export type HttpMiddleware = middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, RabhanHttpLambdaContext>;

/**
 * Client-supplied correlation ids are echoed back and travel in logs and events: they are bounded, and limited to
 * characters that need no escaping anywhere. One that breaks either rule is refused rather than silently replaced,
 * so that the client learns its id was not used (the OpenAPI document states both rules).
 */
export const CORRELATION_ID_LENGTH_MAX = 128;
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

export function headerValue(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

/** The authorizer passes `principalId` and a comma-separated `roles` string in its context. */
function principalFrom(event: APIGatewayProxyEvent): Principal | undefined {
  const authorizer = event.requestContext?.authorizer as Record<string, unknown> | null | undefined;
  const principalId = authorizer?.principalId;
  if (typeof principalId !== 'string' || principalId === '') return undefined;
  const roles = String(authorizer?.roles ?? '')
    .split(',')
    .filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  return { principalId, roles };
}

function isValidCorrelationId(value: string): boolean {
  return value.length <= CORRELATION_ID_LENGTH_MAX && CORRELATION_ID_PATTERN.test(value);
}

export function requestContextMiddleware(now: () => Date = () => new Date()): HttpMiddleware {
  return {
    before: (request) => {
      const requestId = request.event.requestContext?.requestId || randomUUID();
      const suppliedCorrelationId = headerValue(request.event, 'x-correlation-id');
      const correlationIdValid = suppliedCorrelationId === undefined || isValidCorrelationId(suppliedCorrelationId);
      const correlationId = suppliedCorrelationId !== undefined && correlationIdValid ? suppliedCorrelationId : requestId;
      request.context.rabhan = {
        requestId,
        correlationId,
        language: negotiateLanguage(headerValue(request.event, 'accept-language')),
        receivedAt: now(),
        principal: principalFrom(request.event),
      };
      logger.resetKeys();
      logger.appendKeys({ requestId, correlationId, route: request.event.resource });
      if (!correlationIdValid) {
        throw kernelError('VALIDATION_FAILED', {
          details: [{ field: 'header.X-Correlation-Id', issue: `must be 1 to ${CORRELATION_ID_LENGTH_MAX} letters, digits or . _ : -` }],
        });
      }
    },
  };
}

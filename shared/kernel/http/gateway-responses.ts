/**
 * The errors API Gateway answers by itself, before any handler runs: authorizer refusals, throttling, WAF blocks,
 * oversized bodies, and failures of the integration. Defined once: the API stack installs them as gateway
 * responses and the local API server renders exactly the same bodies, so clients meet one error format whoever
 * answers.
 *
 * Gateway response templates only substitute variables (they are not run through VTL), so they cannot follow
 * Accept-Language: the message carries the English and the Arabic text together, and `timestamp` is API Gateway's
 * `$context.requestTime` (`02/Dec/2026:07:45:12 +0000`) rather than ISO 8601.
 */
import { KERNEL_ERROR_CODES, type KernelErrorCode } from '../errors/kernel-error-codes.ts';
import { SECURITY_HEADERS } from './middlewares/response-headers.ts';

/** API Gateway's names for the responses it generates (`ResponseType` in the CDK). */
export type GatewayResponseType =
  | 'UNAUTHORIZED'
  | 'ACCESS_DENIED'
  | 'THROTTLED'
  | 'WAF_FILTERED'
  | 'REQUEST_TOO_LARGE'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'BAD_REQUEST_PARAMETERS'
  | 'BAD_REQUEST_BODY'
  | 'DEFAULT_4XX'
  | 'DEFAULT_5XX';

export interface GatewayResponseDefinition {
  readonly type: GatewayResponseType;
  readonly code: KernelErrorCode;
  /** The DEFAULT_* responses cover many statuses, so they keep the one API Gateway chose. */
  readonly keepsGatewayStatus?: boolean;
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

/** A throttled client should back off for at least the stage's token-bucket refill interval. */
const THROTTLED_RETRY_AFTER_SECONDS = 1;

export const GATEWAY_RESPONSES: readonly GatewayResponseDefinition[] = [
  { type: 'UNAUTHORIZED', code: 'AUTHENTICATION_REQUIRED' },
  { type: 'ACCESS_DENIED', code: 'ROLE_NOT_PERMITTED' },
  { type: 'THROTTLED', code: 'RATE_LIMITED', extraHeaders: { 'Retry-After': String(THROTTLED_RETRY_AFTER_SECONDS) } },
  { type: 'WAF_FILTERED', code: 'REQUEST_BLOCKED' },
  { type: 'REQUEST_TOO_LARGE', code: 'PAYLOAD_TOO_LARGE' },
  // The catch-all answers unknown paths, and every resource's ANY method routes undeclared methods to it (405);
  // this is the last resort should a request reach a resource the route table did not create.
  { type: 'MISSING_AUTHENTICATION_TOKEN', code: 'ROUTE_NOT_FOUND' },
  { type: 'BAD_REQUEST_PARAMETERS', code: 'VALIDATION_FAILED' },
  { type: 'BAD_REQUEST_BODY', code: 'VALIDATION_FAILED' },
  { type: 'DEFAULT_4XX', code: 'REQUEST_REJECTED', keepsGatewayStatus: true },
  { type: 'DEFAULT_5XX', code: 'INTERNAL_ERROR', keepsGatewayStatus: true },
];

/** What `$context.requestTime` looks like once substituted, for the error format's `timestamp`. */
export const GATEWAY_REQUEST_TIME_PATTERN = /^[0-9]{2}\/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2} \+0000$/;

/** The placeholders API Gateway substitutes in a gateway response template. */
export const GATEWAY_TEMPLATE_VARIABLES = { requestId: '$context.requestId', requestTime: '$context.requestTime' } as const;

export function gatewayResponseFor(type: GatewayResponseType): GatewayResponseDefinition {
  const definition = GATEWAY_RESPONSES.find((candidate) => candidate.type === type);
  if (definition === undefined) throw new Error(`No gateway response is defined for ${type}`);
  return definition;
}

export function gatewayResponseStatus(definition: GatewayResponseDefinition): number {
  return KERNEL_ERROR_CODES[definition.code].httpStatus;
}

/** The body template in the documented error format, with API Gateway's placeholders for the request's facts. */
export function gatewayResponseTemplate(definition: GatewayResponseDefinition): string {
  const { en, ar } = KERNEL_ERROR_CODES[definition.code].message;
  return JSON.stringify({
    error: {
      code: definition.code,
      message: `${en} / ${ar}`,
      details: [],
      requestId: GATEWAY_TEMPLATE_VARIABLES.requestId,
      timestamp: GATEWAY_TEMPLATE_VARIABLES.requestTime,
    },
  });
}

/**
 * Gateway response headers are static values written between single quotes, which cannot hold one: the
 * Content-Security-Policy (`default-src 'none'`) is left out. A JSON error body has nothing it could restrict.
 */
const HEADERS_GATEWAY_CANNOT_EXPRESS = new Set(['Content-Security-Policy']);

export function gatewayResponseHeaders(definition: GatewayResponseDefinition): Readonly<Record<string, string>> {
  const securityHeaders = Object.entries(SECURITY_HEADERS).filter(([name]) => !HEADERS_GATEWAY_CANNOT_EXPRESS.has(name));
  return { ...Object.fromEntries(securityHeaders), ...definition.extraHeaders };
}

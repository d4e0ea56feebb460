/**
 * The one middy stack every HTTP handler uses. A handler file declares its route (from the route table) and a
 * function from the parsed request to a result; parsing, validation, role checks, error mapping, security headers
 * and logging context are done here once.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { RouteDefinition } from './route.ts';
import { errorResponderMiddleware } from './middlewares/error-responder.ts';
import { headerValue, requestContextMiddleware, type RabhanHttpLambdaContext } from './middlewares/request-context.ts';
import { responseHeadersMiddleware } from './middlewares/response-headers.ts';
import type { HttpRequestContext, Principal } from './request-context.ts';
import { parseRequestParts } from './validation.ts';
import { kernelError } from '../errors/kernel-error-codes.ts';

/** Largest JSON body any route accepts. Requests are small commands; anything bigger is a mistake or an attack. */
export const REQUEST_BODY_BYTES_MAX = 64 * 1024;
/** Stripe-compatible bound on client-chosen idempotency keys. */
export const IDEMPOTENCY_KEY_LENGTH_MAX = 255;

type Infer<TSchema, TFallback> = TSchema extends z.ZodType ? z.infer<TSchema> : TFallback;

export interface HttpRequest<TRoute extends RouteDefinition> {
  readonly body: Infer<TRoute['request']['body'], undefined>;
  readonly pathParameters: Infer<TRoute['request']['pathParameters'], Record<string, never>>;
  readonly query: Infer<TRoute['request']['query'], Record<string, never>>;
  readonly idempotencyKey: string | undefined;
  readonly context: HttpRequestContext;
  /** The caller; always present on role-protected routes because the stack refuses anonymous calls first. */
  readonly principal: TRoute['access'] extends { kind: 'roles' } ? Principal : Principal | undefined;
  /** Raw header lookup for the rare route that needs one (signatures, poll tokens). */
  readonly header: (name: string) => string | undefined;
  /** The body exactly as received, for signature checks. */
  readonly rawBody: string | undefined;
  readonly clientAddress: string;
}

export interface HttpResult {
  readonly statusCode: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

function authorize(route: RouteDefinition, context: HttpRequestContext): void {
  // An optional sign-in is verified by the handler itself, from the Authorization header.
  if (route.access.kind !== 'roles') return;
  if (context.principal === undefined) throw kernelError('AUTHENTICATION_REQUIRED');
  const permitted = route.access.roles.some((role) => context.principal?.roles.includes(role));
  if (!permitted) throw kernelError('ROLE_NOT_PERMITTED');
}

function decodeBody(event: APIGatewayProxyEvent): string | undefined {
  if (event.body === null || event.body === undefined || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > REQUEST_BODY_BYTES_MAX) throw kernelError('PAYLOAD_TOO_LARGE');
  return raw;
}

function parseJsonBody(raw: string | undefined, event: APIGatewayProxyEvent): unknown {
  if (raw === undefined) return undefined;
  const contentType = headerValue(event, 'content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) throw kernelError('UNSUPPORTED_MEDIA_TYPE');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw kernelError('MALFORMED_JSON');
  }
}

function readIdempotencyKey(route: RouteDefinition, event: APIGatewayProxyEvent): string | undefined {
  const key = headerValue(event, 'idempotency-key');
  if (key === undefined || key === '') {
    if (route.request.requiresIdempotencyKey === true) throw kernelError('IDEMPOTENCY_KEY_REQUIRED');
    return undefined;
  }
  if (key.length > IDEMPOTENCY_KEY_LENGTH_MAX) {
    throw kernelError('VALIDATION_FAILED', {
      details: [{ field: 'header.Idempotency-Key', issue: `must be at most ${IDEMPOTENCY_KEY_LENGTH_MAX} characters` }],
    });
  }
  return key;
}

export function parseHttpRequest<TRoute extends RouteDefinition>(
  route: TRoute,
  event: APIGatewayProxyEvent,
  context: HttpRequestContext,
): HttpRequest<TRoute> {
  authorize(route, context);
  const { body: bodySchema, pathParameters: pathSchema, query: querySchema } = route.request;
  const rawText = decodeBody(event);
  const rawBody = parseJsonBody(rawText, event);
  if (bodySchema === undefined && rawBody !== undefined) {
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'body', issue: 'this route takes no body' }] });
  }
  const parsed = parseRequestParts(
    {
      body: { schema: bodySchema, input: rawBody ?? {}, prefix: 'body' },
      pathParameters: { schema: pathSchema, input: event.pathParameters ?? {}, prefix: 'path' },
      query: { schema: querySchema, input: event.queryStringParameters ?? {}, prefix: 'query' },
    },
    context.language,
  );
  return {
    body: parsed.body as HttpRequest<TRoute>['body'],
    pathParameters: (parsed.pathParameters ?? {}) as HttpRequest<TRoute>['pathParameters'],
    query: (parsed.query ?? {}) as HttpRequest<TRoute>['query'],
    idempotencyKey: readIdempotencyKey(route, event),
    context,
    principal: context.principal as HttpRequest<TRoute>['principal'],
    header: (name) => headerValue(event, name),
    rawBody: rawText,
    clientAddress: event.requestContext?.identity?.sourceIp ?? 'unknown',
  };
}

export function toApiGatewayResult(result: HttpResult): APIGatewayProxyResult {
  return {
    statusCode: result.statusCode,
    headers: { ...result.headers },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

export type ApiGatewayHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

function withHttpMiddlewares(handle: (event: APIGatewayProxyEvent, context: RabhanHttpLambdaContext) => Promise<HttpResult>): ApiGatewayHandler {
  const stack = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, RabhanHttpLambdaContext>()
    .use(requestContextMiddleware())
    .use(responseHeadersMiddleware())
    .use(errorResponderMiddleware())
    .handler(async (event, context) => toApiGatewayResult(await handle(event, context)));
  // Lambda passes a plain Context; the request-context middleware adds `rabhan` before the handler runs.
  return stack as unknown as ApiGatewayHandler;
}

export function httpHandler<const TRoute extends RouteDefinition>(
  route: TRoute,
  handle: (request: HttpRequest<TRoute>) => Promise<HttpResult>,
): ApiGatewayHandler {
  return withHttpMiddlewares((event, context) => handle(parseHttpRequest(route, event, context.rabhan)));
}

/** What the catch-all answers from: the method, and the resource API Gateway matched (`/v1/plans/{planId}`). */
export interface RoutingRequest {
  readonly method: string;
  readonly resource: string;
  readonly context: HttpRequestContext;
}

/**
 * For the catch-all alone: it answers from the method and the matched resource before any body, parameter or role is
 * read, as API Gateway answers for a route it does not have. The error format, headers and language are the same.
 */
export function routingHandler(answer: (request: RoutingRequest) => Promise<HttpResult>): ApiGatewayHandler {
  return withHttpMiddlewares((event, context) => answer({ method: event.httpMethod, resource: event.resource, context: context.rabhan }));
}

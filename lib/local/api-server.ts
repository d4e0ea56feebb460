/**
 * Plays API Gateway locally: matches requests against the route table, runs the real authorizer for role-protected
 * routes, and invokes the real handler module with a REST API proxy event.
 */
import http from 'node:http';
import type { APIGatewayAuthorizerResult, APIGatewayProxyResult } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import {
  GATEWAY_TEMPLATE_VARIABLES,
  gatewayResponseFor,
  gatewayResponseHeaders,
  gatewayResponseStatus,
  gatewayResponseTemplate,
  type GatewayResponseType,
} from '../../shared/kernel/http/gateway-responses.ts';
import { catchAllRoute, resourcePaths } from '../../shared/kernel/http/api-resources.ts';
import { AUTHORIZER_HANDLER_ENTRY, type RouteDefinition } from '../../shared/catalog/routes.ts';
import { loadHandler } from './handler-modules.ts';
import { apiGatewayProxyEvent, lambdaContext, requestAuthorizerEvent, type IncomingHttpRequest } from './lambda-shapes.ts';
import type { Logger } from './local-logger.ts';

/** API Gateway's own payload limit; routes apply their stricter limit in the handler middleware. */
export const GATEWAY_PAYLOAD_BYTES_MAX = 10 * 1024 * 1024;
/** API Gateway's integration timeout for REST APIs. */
const GATEWAY_INTEGRATION_TIMEOUT_MILLISECONDS = 29_000;

/** One API Gateway resource with the routes declared on it, keyed by method (`ANY` included). */
interface CompiledResource {
  readonly path: string;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
  /** Per segment: 0 static, 1 path parameter, 2 greedy; the lowest sequence wins, as in API Gateway. */
  readonly precedence: readonly number[];
  readonly routesByMethod: ReadonlyMap<string, RouteDefinition>;
}

export interface CompiledApi {
  /** Most specific first: `/v1/customers/me` before `/v1/customers/{customerId}`, the catch-all last. */
  readonly resources: readonly CompiledResource[];
  /** Answers every method a resource does not declare, as the API stack's `ANY` methods do. */
  readonly fallback: RouteDefinition | undefined;
}

export interface MatchedRoute {
  readonly route: RouteDefinition;
  /** The resource API Gateway matched, handed to the handler as `event.resource`. */
  readonly resource: string;
  readonly pathParameters: Record<string, string> | null;
}

function compileResource(path: string, routesOnIt: readonly RouteDefinition[]): CompiledResource {
  const parameterNames: string[] = [];
  const precedence: number[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (parameter === null) {
        precedence.push(0);
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      parameterNames.push(parameter[1]!);
      precedence.push(parameter[2] === '+' ? 2 : 1);
      return parameter[2] === '+' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { path, pattern: new RegExp(`^${source}$`), parameterNames, precedence, routesByMethod: new Map(routesOnIt.map((route) => [route.method, route])) };
}

function comparePrecedence(a: CompiledResource, b: CompiledResource): number {
  for (let index = 0; index < Math.max(a.precedence.length, b.precedence.length); index += 1) {
    const difference = (a.precedence[index] ?? -1) - (b.precedence[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Builds the resource tree API Gateway builds from the same route table (shared/kernel/http/api-resources.ts). */
export function compileApi(routeList: readonly RouteDefinition[]): CompiledApi {
  const resources = resourcePaths(routeList).map((path) => compileResource(path, routeList.filter((route) => route.path === path)));
  return { resources: resources.sort(comparePrecedence), fallback: catchAllRoute(routeList) };
}

/** A path segment with broken percent-encoding is the client's error, as API Gateway treats it, not a crash. */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Matches as API Gateway does: first the most specific resource whose path matches, and no other once one has; then
 * the route for the method on it, else the resource's own `ANY` route, else the fallback, which the API stack puts
 * behind every other resource's `ANY` method.
 */
export function matchRoute(api: CompiledApi, method: string, path: string): MatchedRoute | 'malformed' | undefined {
  const resource = api.resources.find((candidate) => candidate.pattern.test(path));
  if (resource === undefined) return undefined;
  const route = resource.routesByMethod.get(method) ?? resource.routesByMethod.get('ANY') ?? api.fallback;
  if (route === undefined) return undefined;
  const values = (resource.pattern.exec(path) ?? []).slice(1).map(decodePathSegment);
  if (values.includes(undefined)) return 'malformed';
  return {
    route,
    resource: resource.path,
    pathParameters: resource.parameterNames.length === 0 ? null : Object.fromEntries(resource.parameterNames.map((name, index) => [name, values[index]!])),
  };
}

/** API Gateway's status for a Lambda proxy integration that crashed or answered something unusable. */
const GATEWAY_INTEGRATION_FAILURE_STATUS = 502;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `$context.requestTime`'s format, e.g. `02/Dec/2026:07:45:12 +0000`. */
export function gatewayRequestTime(at: Date): string {
  const twoDigits = (value: number): string => String(value).padStart(2, '0');
  return `${twoDigits(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${twoDigits(at.getUTCHours())}:${twoDigits(at.getUTCMinutes())}:${twoDigits(at.getUTCSeconds())} +0000`;
}

/** Renders a gateway response exactly as API Gateway would from the same definition the API stack installs. */
export function gatewayError(type: GatewayResponseType, requestId: string, receivedAt: Date): APIGatewayProxyResult {
  const definition = gatewayResponseFor(type);
  const body = gatewayResponseTemplate(definition)
    .replace(GATEWAY_TEMPLATE_VARIABLES.requestId, requestId)
    .replace(GATEWAY_TEMPLATE_VARIABLES.requestTime, gatewayRequestTime(receivedAt));
  return {
    // Locally the only 5xx the gateway raises is a crashed integration; every other type has its code's status.
    statusCode: type === 'DEFAULT_5XX' ? GATEWAY_INTEGRATION_FAILURE_STATUS : gatewayResponseStatus(definition),
    headers: { ...gatewayResponseHeaders(definition), 'X-Request-Id': requestId },
    body,
  };
}

async function readBody(request: http.IncomingMessage): Promise<string | undefined | 'too-large'> {
  const chunks: Buffer[] = [];
  let totalBytes = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    totalBytes += buffer.length;
    if (totalBytes > GATEWAY_PAYLOAD_BYTES_MAX) return 'too-large';
    chunks.push(buffer);
  }
  return totalBytes === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Runs the authorizer as API Gateway would: a throw means 401, a Deny policy means 403, Allow passes its context. */
async function authorize(proxyEvent: ReturnType<typeof apiGatewayProxyEvent>): Promise<Record<string, string> | GatewayResponseType> {
  const authorizer = await loadHandler(AUTHORIZER_HANDLER_ENTRY);
  let result: APIGatewayAuthorizerResult;
  try {
    result = (await authorizer(requestAuthorizerEvent(proxyEvent), lambdaContext('authorizer', 5_000))) as APIGatewayAuthorizerResult;
  } catch {
    return 'UNAUTHORIZED';
  }
  const allowed = result.policyDocument.Statement.every((statement) => statement.Effect === 'Allow');
  if (!allowed) return 'ACCESS_DENIED';
  return { principalId: result.principalId, ...Object.fromEntries(Object.entries(result.context ?? {}).map(([key, value]) => [key, String(value)])) };
}

async function invoke(route: RouteDefinition, proxyEvent: ReturnType<typeof apiGatewayProxyEvent>): Promise<APIGatewayProxyResult> {
  const handler = await loadHandler(route.handlerEntry);
  return (await handler(proxyEvent, lambdaContext(route.id, GATEWAY_INTEGRATION_TIMEOUT_MILLISECONDS))) as APIGatewayProxyResult;
}

export function createApiServer(routeList: readonly RouteDefinition[], logger: Logger): http.Server {
  const api = compileApi(routeList);
  return http.createServer((request, response) => {
    void (async () => {
      const startedAt = performance.now();
      const url = new URL(request.url ?? '/', 'http://localhost');
      const headers = Object.fromEntries(
        Object.entries(request.headers).flatMap(([key, value]) => (value === undefined ? [] : [[key, Array.isArray(value) ? value.join(',') : value]])),
      );
      let result: APIGatewayProxyResult;
      const receivedAt = new Date();
      let requestId: string = randomUUID();
      try {
        const body = await readBody(request);
        const matched = matchRoute(api, request.method ?? 'GET', url.pathname);
        if (body === 'too-large' || matched === undefined || matched === 'malformed') {
          const type = body === 'too-large' ? 'REQUEST_TOO_LARGE' : matched === 'malformed' ? 'BAD_REQUEST_PARAMETERS' : 'MISSING_AUTHENTICATION_TOKEN';
          result = gatewayError(type, requestId, receivedAt);
        } else {
          const incoming: IncomingHttpRequest = {
            method: request.method ?? 'GET',
            path: url.pathname,
            query: url.searchParams,
            headers,
            body,
            sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
          };
          const proxyEvent = apiGatewayProxyEvent(incoming, matched.resource, matched.pathParameters, null);
          requestId = proxyEvent.requestContext.requestId;
          // As in API Gateway, only role routes have the authorizer in front; an optional sign-in is the handler's.
          const authorization = matched.route.access.kind === 'roles' ? await authorize(proxyEvent) : null;
          if (typeof authorization === 'string') {
            result = gatewayError(authorization, requestId, receivedAt);
          } else {
            proxyEvent.requestContext.authorizer = authorization;
            result = await invoke(matched.route, proxyEvent);
          }
        }
      } catch (error) {
        logger.error('Handler crashed outside its middleware', { error: error instanceof Error ? error.message : String(error) });
        result = gatewayError('DEFAULT_5XX', requestId, receivedAt);
      }
      response.writeHead(result.statusCode, result.headers as http.OutgoingHttpHeaders);
      response.end(result.body);
      logger.info('HTTP request', {
        method: request.method,
        path: url.pathname,
        statusCode: result.statusCode,
        durationMilliseconds: Math.round(performance.now() - startedAt),
        requestId,
      });
    })();
  });
}

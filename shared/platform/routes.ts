/**
 * The route table: the single source of truth for the HTTP API.
 * The CDK API stack builds API Gateway resources, Lambda functions, throttling and authorizers from it,
 * the local runtime serves it, and the OpenAPI document is generated from it. Add a route here and nowhere else.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../http/error-codes.ts';
import type { Permission } from './permissions.ts';
import type { Role } from './roles.ts';
import { healthResponseSchema, openApiDocumentSchema } from '../contracts/platform.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export interface RouteThrottle {
  /** Steady-state requests per second across all clients for this route. */
  readonly rateLimitPerSecond: number;
  readonly burstLimit: number;
}

export interface RouteRequestContract {
  readonly body?: z.ZodType;
  readonly pathParameters?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Routes that move money or create resources require an `Idempotency-Key` header. */
  readonly requiresIdempotencyKey?: boolean;
}

export interface RouteResponseContract {
  readonly description: string;
  readonly schema?: z.ZodType;
}

export interface RouteDefinition {
  /** Stable PascalCase id; names the Lambda function and the OpenAPI operation. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/v1/customers/{customerId}`; `{proxy+}` is the catch-all. */
  readonly path: string;
  /** Module exporting `handler`, relative to the project root. */
  readonly handlerEntry: `functions/${string}.ts`;
  readonly access: RouteAccess;
  readonly throttle: RouteThrottle;
  readonly permissions: readonly Permission[];
  readonly summary: string;
  readonly request: RouteRequestContract;
  readonly responses: Readonly<Record<number, RouteResponseContract>>;
  /** Domain error codes this route can answer with, documented in OpenAPI. */
  readonly errorCodes: readonly ErrorCode[];
  /** Left out of the OpenAPI document (the catch-all). */
  readonly undocumented?: boolean;
}

/** The Lambda REQUEST authorizer in front of every route whose access is by role. */
export const AUTHORIZER_HANDLER_ENTRY = 'functions/auth/authorize.ts';

/** Default per-route throttle; the stage-wide limit and the WAF rate rule sit above it. */
const STANDARD_THROTTLE: RouteThrottle = { rateLimitPerSecond: 100, burstLimit: 200 };
const PUBLIC: RouteAccess = { kind: 'public' };

function defineRoute<const TRoute extends RouteDefinition>(route: TRoute): TRoute {
  return route;
}

export const routes = {
  getHealth: defineRoute({
    id: 'GetHealth',
    method: 'GET',
    path: '/v1/health',
    handlerEntry: 'functions/platform/get-health.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'Liveness of the API with the deployed version and region.',
    request: {},
    responses: { 200: { description: 'The API is serving.', schema: healthResponseSchema } },
    errorCodes: [],
  }),
  getOpenApiDocument: defineRoute({
    id: 'GetOpenApiDocument',
    method: 'GET',
    path: '/v1/openapi.json',
    handlerEntry: 'functions/platform/get-openapi-document.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'This API described as an OpenAPI 3.1 document generated from the route table.',
    request: {},
    responses: { 200: { description: 'The OpenAPI document.', schema: openApiDocumentSchema } },
    errorCodes: [],
  }),
  routeNotFound: defineRoute({
    id: 'RouteNotFound',
    method: 'ANY',
    path: '/{proxy+}',
    handlerEntry: 'functions/platform/route-not-found.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'Catch-all that answers unknown routes with 404 in the documented error format.',
    request: {},
    responses: {},
    errorCodes: ['ROUTE_NOT_FOUND'],
    undocumented: true,
  }),
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof routes;

/** Every route, catch-all last so that specific routes always win when matched in order. */
export const routeList: readonly RouteDefinition[] = Object.values(routes).sort(
  (a, b) => Number(a.path.includes('{proxy+}')) - Number(b.path.includes('{proxy+}')),
);

/** The platform context's routes. */
import { STANDARD_THROTTLE, PUBLIC, defineRoute, type RouteDefinition } from '../../kernel/http/route.ts';
import { healthResponseSchema, openApiDocumentSchema } from './contracts.ts';

export const platformRoutes = {
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
    summary: 'Catch-all, also behind every resource\'s ANY method: 405 with Allow for a method the resource does not declare, 404 for an unknown route.',
    request: {},
    responses: {},
    errorCodes: ['ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED'],
    undocumented: true,
  }),
} as const satisfies Record<string, RouteDefinition>;

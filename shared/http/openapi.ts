/**
 * Generates the OpenAPI 3.1 document from the route table and its zod schemas, so the published contract cannot
 * drift from what handlers validate. Every operation documents the error format and the codes it can return.
 */
import { z } from 'zod';
import type { RouteDefinition } from '../platform/routes.ts';
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';
import { IDEMPOTENCY_KEY_LENGTH_MAX } from './http-handler.ts';

const errorResponseSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('Stable machine-readable code naming the broken rule.'),
      message: z.string().describe('Human-readable message in the language chosen by Accept-Language (ar or en).'),
      details: z.array(z.strictObject({ field: z.string(), issue: z.string() })),
      requestId: z.string(),
      timestamp: z.iso.datetime(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

/** Codes any route may answer with, whatever it does; the last three come from API Gateway itself (gateway responses). */
const UNIVERSAL_ERROR_CODES: readonly ErrorCode[] = ['VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL_ERROR', 'RATE_LIMITED', 'REQUEST_BLOCKED', 'REQUEST_REJECTED'];
const AUTHENTICATED_ERROR_CODES: readonly ErrorCode[] = ['AUTHENTICATION_REQUIRED', 'ROLE_NOT_PERMITTED'];

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return jsonSchema;
}

function parametersFor(route: RouteDefinition): JsonSchema[] {
  const parameters: JsonSchema[] = [
    { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', example: 'ar' }, description: 'ar for Arabic messages, otherwise English.' },
    { name: 'X-Correlation-Id', in: 'header', required: false, schema: { type: 'string', maxLength: 128 } },
  ];
  if (route.request.requiresIdempotencyKey === true) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: IDEMPOTENCY_KEY_LENGTH_MAX } });
  }
  for (const [location, schema] of [['path', route.request.pathParameters], ['query', route.request.query]] as const) {
    if (schema === undefined) continue;
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [name, fieldSchema] of Object.entries(shape)) {
      parameters.push({ name, in: location, required: location === 'path' || !fieldSchema.safeParse(undefined).success, schema: toJsonSchema(fieldSchema, 'input') });
    }
  }
  return parameters;
}

function errorResponsesFor(route: RouteDefinition): Record<string, JsonSchema> {
  const codes = [...route.errorCodes, ...UNIVERSAL_ERROR_CODES, ...(route.access.kind === 'roles' ? AUTHENTICATED_ERROR_CODES : [])];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_CODES[code].httpStatus;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      String(status),
      {
        description: `Error codes: ${statusCodes.join(', ')}.`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      },
    ]),
  );
}

function operationFor(route: RouteDefinition): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema === undefined ? {} : { content: { 'application/json': { schema: toJsonSchema(response.schema, 'output') } } }),
    };
  }
  return {
    operationId: route.id,
    summary: route.summary,
    ...(route.access.kind === 'roles' ? { security: [{ bearerAuth: [] }], 'x-rabhan-roles': route.access.roles } : { security: [] }),
    parameters: parametersFor(route),
    ...(route.request.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(route.request.body, 'input') } } } }),
    responses: { ...responses, ...errorResponsesFor(route) },
  };
}

export function buildOpenApiDocument(routeList: readonly RouteDefinition[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routeList) {
    if (route.undocumented === true) continue;
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationFor(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'RABHAN API',
      version,
      description: 'Rooftop solar Buy-Now-Pay-Later. Money is always integer halalas (1 SAR = 100 halalas).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorResponse: toJsonSchema(errorResponseSchema, 'output') },
    },
  };
}

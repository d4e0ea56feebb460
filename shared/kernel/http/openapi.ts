/**
 * Generates the OpenAPI 3.1 document from the route table and its zod schemas, so the published contract cannot
 * drift from what handlers validate. Every operation documents the error format and the codes it can return.
 */
import * as z from 'zod';
import { GATEWAY_REQUEST_TIME_PATTERN } from './gateway-responses.ts';
import type { RouteDefinition } from './route.ts';
import type { ErrorCodeRegistry } from '../errors/error-code.ts';
import type { KernelErrorCode } from '../errors/kernel-error-codes.ts';
import { IDEMPOTENCY_KEY_LENGTH_MAX } from './http-handler.ts';
import { CORRELATION_ID_LENGTH_MAX, CORRELATION_ID_PATTERN } from './middlewares/request-context.ts';

const errorResponseSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('Stable machine-readable code naming the broken rule.'),
      message: z.string().describe('Human-readable message in the language chosen by Accept-Language (ar or en).'),
      details: z.array(z.strictObject({ field: z.string(), issue: z.string() })),
      requestId: z.string(),
      timestamp: z
        .union([z.iso.datetime(), z.string().regex(GATEWAY_REQUEST_TIME_PATTERN)])
        .describe("When the error was raised: ISO 8601 from the service, API Gateway's $context.requestTime (02/Dec/2026:07:45:12 +0000) when the gateway refused the request itself."),
    }),
  })
  .meta({ id: 'ErrorResponse' });

/** Codes any route may answer with, whatever it does; the last three come from API Gateway itself (gateway responses). */
const UNIVERSAL_ERROR_CODES: readonly KernelErrorCode[] = ['VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL_ERROR', 'RATE_LIMITED', 'REQUEST_BLOCKED', 'REQUEST_REJECTED'];
const AUTHENTICATED_ERROR_CODES: readonly KernelErrorCode[] = ['AUTHENTICATION_REQUIRED', 'ROLE_NOT_PERMITTED'];

type JsonSchema = Record<string, unknown>;
type SchemaDirection = 'input' | 'output';

/** Where zod puts a named schema in a schema it converts alone, and where OpenAPI looks for named schemas. */
const ZOD_DEFINITIONS_PREFIX = '#/$defs/';
export const COMPONENT_SCHEMAS_PREFIX = '#/components/schemas/';

function withComponentReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withComponentReferences);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string' && child.startsWith(ZOD_DEFINITIONS_PREFIX)
        ? `${COMPONENT_SCHEMAS_PREFIX}${child.slice(ZOD_DEFINITIONS_PREFIX.length)}`
        : withComponentReferences(child),
    ]),
  );
}

/** JavaScript's meaning of the shorthand classes, inside a character class and outside one. */
const ASCII_SHORTHANDS: Readonly<Record<string, { readonly inClass: string; readonly alone: string }>> = {
  d: { inClass: '0-9', alone: '[0-9]' },
  w: { inClass: 'A-Za-z0-9_', alone: '[A-Za-z0-9_]' },
};

/**
 * A pattern means what it means in ECMA-262, where `\d` and `\w` are ASCII only; tools built on other regex engines
 * (Python's, for schemathesis) read them as any Unicode digit or letter. Spelling them out keeps one meaning.
 */
export function withAsciiShorthands(pattern: string): string {
  let result = '';
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index]!;
    if (character === '\\') {
      const next = pattern[index + 1] ?? '';
      const replacement = ASCII_SHORTHANDS[next];
      result += replacement === undefined ? `${character}${next}` : inClass ? replacement.inClass : replacement.alone;
      index += 1;
      continue;
    }
    if (character === '[' && !inClass) inClass = true;
    else if (character === ']' && inClass) inClass = false;
    result += character;
  }
  return result;
}

/**
 * Documents exactly what zod checks. An email field is documented by the pattern zod applies, without `format:
 * email`, which validators read as RFC 5321 (a local part of at most 64 characters, say), a rule this API does not
 * apply; and every pattern is spelt with ASCII classes.
 */
function documentWhatZodChecks({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.format === 'email' && typeof jsonSchema.pattern === 'string') delete jsonSchema.format;
  if (typeof jsonSchema.pattern === 'string') jsonSchema.pattern = withAsciiShorthands(jsonSchema.pattern);
}

/**
 * The named schemas (zod `.meta({ id })`) met while the document is built. zod converts each schema on its own and
 * puts the named ones under that schema's `$defs`, which a reference to `#/$defs/…` cannot reach from inside an
 * OpenAPI document; each is therefore lifted once into `components.schemas` and every reference re-pointed there.
 */
class ComponentSchemas {
  private readonly schemasByName = new Map<string, JsonSchema>();

  jsonSchemaOf(schema: z.ZodType, direction: SchemaDirection): JsonSchema {
    const { $schema: _dialect, $defs: definitions, ...root } = z.toJSONSchema(schema, { io: direction, unrepresentable: 'any', override: documentWhatZodChecks }) as JsonSchema;
    for (const [name, definition] of Object.entries((definitions ?? {}) as Record<string, JsonSchema>)) {
      this.add(name, withComponentReferences(definition) as JsonSchema);
    }
    return withComponentReferences(root) as JsonSchema;
  }

  all(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.schemasByName].sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * Two different schemas under one name would make every reference to it ambiguous, as when a named schema with a
   * default or a transform is used both in a request and in a response: refuse to build such a document.
   */
  private add(name: string, schema: JsonSchema): void {
    const known = this.schemasByName.get(name);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are named ${name} (a request and a response form?): give one of them its own id`);
    }
    this.schemasByName.set(name, schema);
  }
}

function parametersFor(route: RouteDefinition, components: ComponentSchemas): JsonSchema[] {
  const parameters: JsonSchema[] = [
    { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', example: 'ar' }, description: 'ar for Arabic messages, otherwise English.' },
    {
      name: 'X-Correlation-Id',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: CORRELATION_ID_LENGTH_MAX, pattern: CORRELATION_ID_PATTERN.source },
      description: 'Echoed back and carried into logs and events; without it the request id is used. Any other value is refused with 400 VALIDATION_FAILED.',
    },
  ];
  if (route.request.requiresIdempotencyKey === true) {
    // An empty key counts as none (IDEMPOTENCY_KEY_REQUIRED).
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_LENGTH_MAX } });
  }
  for (const [location, schema] of [['path', route.request.pathParameters], ['query', route.request.query]] as const) {
    if (schema === undefined) continue;
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [name, fieldSchema] of Object.entries(shape)) {
      parameters.push({ name, in: location, required: location === 'path' || !fieldSchema.safeParse(undefined).success, schema: components.jsonSchemaOf(fieldSchema, 'input') });
    }
  }
  return parameters;
}

function errorResponsesFor(route: RouteDefinition, errorCodes: ErrorCodeRegistry): Record<string, JsonSchema> {
  const codes = [...route.errorCodes, ...UNIVERSAL_ERROR_CODES, ...(route.access.kind === 'public' ? [] : AUTHENTICATED_ERROR_CODES)];
  const byStatus = new Map<number, string[]>();
  for (const code of new Set(codes)) {
    const definition = errorCodes[code];
    if (definition === undefined) throw new Error(`Route ${route.id} documents the undeclared error code ${code}`);
    const status = definition.httpStatus;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      String(status),
      {
        description: `Error codes: ${statusCodes.join(', ')}.`,
        content: { 'application/json': { schema: { $ref: `${COMPONENT_SCHEMAS_PREFIX}ErrorResponse` } } },
      },
    ]),
  );
}

/** `{}` beside the bearer scheme is OpenAPI's way of saying the token is optional. */
function securityOf(route: RouteDefinition): JsonSchema {
  switch (route.access.kind) {
    case 'public':
      return { security: [] };
    case 'roles':
      return { security: [{ bearerAuth: [] }], 'x-rabhan-roles': route.access.roles };
    case 'optional-sign-in':
      return { security: [{}, { bearerAuth: [] }], 'x-rabhan-roles': route.access.roles };
  }
}

function operationFor(route: RouteDefinition, components: ComponentSchemas, errorCodes: ErrorCodeRegistry): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema === undefined ? {} : { content: { 'application/json': { schema: components.jsonSchemaOf(response.schema, 'output') } } }),
    };
  }
  return {
    operationId: route.id,
    summary: route.summary,
    ...securityOf(route),
    parameters: parametersFor(route, components),
    ...(route.request.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: components.jsonSchemaOf(route.request.body, 'input') } } } }),
    responses: { ...responses, ...errorResponsesFor(route, errorCodes) },
  };
}

/** Builds the document for these routes; `errorCodes` must declare every code a route documents. */
export function buildOpenApiDocument(routeList: readonly RouteDefinition[], errorCodes: ErrorCodeRegistry, version: string): JsonSchema {
  const components = new ComponentSchemas();
  components.jsonSchemaOf(errorResponseSchema, 'output');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routeList) {
    if (route.undocumented === true) continue;
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationFor(route, components, errorCodes) };
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
      schemas: components.all(),
    },
  };
}

import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../shared/http/error-codes.ts';
import { buildOpenApiDocument } from '../../../../shared/http/openapi.ts';
import { routeList } from '../../../../shared/platform/routes.ts';

type Operation = { operationId: string; responses: Record<string, { description: string }>; security: unknown[]; parameters: { name: string; in: string }[] };
const document = buildOpenApiDocument(routeList, '1.0.0') as { paths: Record<string, Record<string, Operation>> };

describe('the OpenAPI document', () => {
  it('describes every documented route of the route table, and nothing else', () => {
    const documented = routeList.filter((route) => route.undocumented !== true);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`));
    expect(operations.sort()).toEqual(documented.map((route) => `${route.method} ${route.path} ${route.id}`).sort());
  });

  it('lists each route error code under its HTTP status, plus the generic 400 and 500', () => {
    for (const route of routeList.filter((candidate) => candidate.undocumented !== true)) {
      const operation = document.paths[route.path]![route.method.toLowerCase()]!;
      for (const code of route.errorCodes) {
        expect(operation.responses[String(ERROR_CODES[code].httpStatus)]?.description).toContain(code);
      }
      expect(operation.responses['400']).toBeDefined();
      expect(operation.responses['500']).toBeDefined();
    }
  });

  it('requires a bearer token on role routes and an Idempotency-Key header where the route does', () => {
    for (const route of routeList.filter((candidate) => candidate.undocumented !== true)) {
      const operation = document.paths[route.path]![route.method.toLowerCase()]!;
      expect(operation.security.length > 0).toBe(route.access.kind === 'roles');
      expect(operation.parameters.some((parameter) => parameter.name === 'Idempotency-Key')).toBe(route.request.requiresIdempotencyKey === true);
    }
  });
});

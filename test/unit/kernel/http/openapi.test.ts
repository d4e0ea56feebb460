import { Validator } from '@seriousme/openapi-schema-validator';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../lib/local/handler-modules.ts';
import { ERROR_CODES } from '../../../../shared/catalog/error-codes.ts';
import { CORRELATION_ID_LENGTH_MAX, CORRELATION_ID_PATTERN } from '../../../../shared/kernel/http/middlewares/request-context.ts';
import { buildOpenApiDocument } from '../../../../shared/kernel/http/openapi.ts';
import { routeList } from '../../../../shared/catalog/routes.ts';

type Operation = { operationId: string; responses: Record<string, { description: string }>; security: unknown[]; parameters: Parameter[] };
type Parameter = { name: string; in: string; description?: string; schema: { maxLength?: number; pattern?: string; description?: string } };
const document = buildOpenApiDocument(routeList, ERROR_CODES, '1.0.0') as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

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
        expect(operation.responses[String(ERROR_CODES[code]!.httpStatus)]?.description).toContain(code);
      }
      expect(operation.responses['400']).toBeDefined();
      expect(operation.responses['500']).toBeDefined();
    }
  });

  it('requires a bearer token on role routes, accepts an optional one where sign-in is optional, and an Idempotency-Key header where the route takes one', () => {
    for (const route of routeList.filter((candidate) => candidate.undocumented !== true)) {
      const operation = document.paths[route.path]![route.method.toLowerCase()]!;
      const expectedSecurity = { public: [], roles: [{ bearerAuth: [] }], 'optional-sign-in': [{}, { bearerAuth: [] }] }[route.access.kind];
      expect(operation.security, route.id).toEqual(expectedSecurity);
      expect(operation.parameters.some((parameter) => parameter.name === 'Idempotency-Key')).toBe(route.request.requiresIdempotencyKey === true);
    }
  });
});

describe('the OpenAPI document, where it promises behaviour', () => {
  const parameter = (path: string, name: string): Parameter => document.paths[path]!.get!.parameters.find((candidate) => candidate.name === name)!;

  it('documents both cursors as opaque, refusable with 400 and bounded in length', () => {
    for (const path of ['/v1/plans', '/v1/plans/{planId}/statement']) {
      const cursor = parameter(path, 'cursor');

      expect(cursor.schema.maxLength, path).toBeGreaterThan(0);
      expect(cursor.schema.description, path).toMatch(/^Opaque/);
      expect(cursor.schema.description, path).toContain('400 VALIDATION_FAILED');
    }
  });

  it('documents the X-Correlation-Id rules the request context enforces, and the refusal of anything else', () => {
    const correlationId = parameter('/v1/health', 'X-Correlation-Id');

    expect(correlationId.schema).toMatchObject({ maxLength: CORRELATION_ID_LENGTH_MAX, pattern: CORRELATION_ID_PATTERN.source });
    expect(correlationId.description).toContain('400 VALIDATION_FAILED');
  });
});

describe('the OpenAPI document, as integrators consume it', () => {
  it('passes a maintained OpenAPI 3.1 validator, every $ref included', async () => {
    const validator = new Validator();

    const result = await validator.validate(structuredClone(document));

    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('keeps every named schema under components.schemas and points every $ref there', () => {
    const references = new Set([...JSON.stringify(document).matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1]!));

    expect(references.size).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[reference.slice('#/components/schemas/'.length)], reference).toBeDefined();
    }
  });

  it('generates a typed client that type-checks a correct call and refuses a wrong one', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'rabhan-client-'));
    try {
      // Arrange: what an integrator does, openapi-typescript over the published document, called through openapi-fetch.
      writeFileSync(path.join(directory, 'rabhan-api.ts'), astToString(await openapiTS(structuredClone(document) as unknown as OpenAPI3)));
      symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
      writeFileSync(path.join(directory, 'call.ts'), INTEGRATOR_CALL);

      // Act
      const diagnostics = typeCheck(path.join(directory, 'call.ts'));

      // Assert: the only error is the one the wrong call must cause, so the types are real and not `any`.
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

/** A client call an integrator would write; the @ts-expect-error lines fail the check if the generated types are loose. */
const INTEGRATOR_CALL = `
import createClient from 'openapi-fetch';
import type { components, paths } from './rabhan-api.ts';

const client = createClient<paths>({ baseUrl: 'https://api.rabhan.example' });

export async function firstInstallmentOf(accessToken: string): Promise<number | string> {
  const { data, error } = await client.POST('/v1/plans/offers', {
    headers: { authorization: \`Bearer \${accessToken}\` },
    body: { amountHalalas: 300000, downPaymentHalalas: 100000, installmentCount: 3 },
  });
  if (error !== undefined) {
    const code: string = error.error.code;
    return code;
  }
  const offer: components['schemas']['Offer'] = data;
  return offer.installments[0]?.amountHalalas ?? 0;
}

export async function planOf(accessToken: string, planId: string): Promise<string | undefined> {
  const { data } = await client.GET('/v1/plans/{planId}', { params: { path: { planId } }, headers: { authorization: \`Bearer \${accessToken}\` } });
  return data?.status;
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error amounts are integers, not strings
  await client.POST('/v1/plans/offers', { body: { amountHalalas: '300000', installmentCount: 3 } });
  // @ts-expect-error the path parameter is required
  await client.GET('/v1/plans/{planId}', {});
  // @ts-expect-error no such route
  await client.GET('/v1/plans/{planId}/nonsense', {});
}
`;

function typeCheck(file: string): string[] {
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

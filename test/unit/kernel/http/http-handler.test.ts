import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyResult } from 'aws-lambda';
import * as z from 'zod';
import { httpHandler, REQUEST_BODY_BYTES_MAX } from '../../../../shared/kernel/http/http-handler.ts';
import type { RouteDefinition } from '../../../../shared/catalog/routes.ts';
import { httpEvent, jsonBody, testContext } from '../../../support/http-events.ts';
import { kernelError } from '../../../../shared/kernel/errors/kernel-error-codes.ts';

const registerRoute = {
  id: 'RegisterThing',
  method: 'POST',
  path: '/v1/things/{thingId}',
  handlerEntry: 'functions/test.ts',
  access: { kind: 'roles', roles: ['customer'] },
  throttle: { rateLimitPerSecond: 1, burstLimit: 1 },
  permissions: [],
  summary: 'test',
  request: {
    body: z.strictObject({ amountHalalas: z.number().int().positive() }),
    pathParameters: z.strictObject({ thingId: z.string().min(3) }),
    requiresIdempotencyKey: true,
  },
  responses: {},
  errorCodes: [],
} as const satisfies RouteDefinition;

const customer = { principalId: 'P1', roles: 'customer' };
const validRequest = {
  method: 'POST',
  body: JSON.stringify({ amountHalalas: 500 }),
  headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
  pathParameters: { thingId: 'abc' },
  authorizer: customer,
};

const handler = httpHandler(registerRoute, async (request) => ({
  statusCode: 201,
  body: { amountHalalas: request.body.amountHalalas, thingId: request.pathParameters.thingId, owner: request.context.principal?.principalId },
}));

async function call(overrides: Parameters<typeof httpEvent>[0] = {}): Promise<APIGatewayProxyResult> {
  return handler(httpEvent({ ...validRequest, ...overrides }), testContext());
}

describe('the shared HTTP handler stack', () => {
  it('hands the use-case a parsed body, path parameters and the principal from the authorizer', async () => {
    const result = await call();
    expect(result.statusCode).toBe(201);
    expect(jsonBody(result)).toEqual({ amountHalalas: 500, thingId: 'abc', owner: 'P1' });
  });

  it('rejects unknown body fields by name so that no field can be mass-assigned', async () => {
    const result = await call({ body: JSON.stringify({ amountHalalas: 500, role: 'ops', exposureHalalas: 0 }) });
    expect(result.statusCode).toBe(400);
    const { error } = jsonBody(result) as { error: { code: string; details: { field: string; issue: string }[] } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'body.role', issue: 'unrecognized_field' },
        { field: 'body.exposureHalalas', issue: 'unrecognized_field' },
      ]),
    );
  });

  it('answers malformed JSON with 400 MALFORMED_JSON in the documented error format', async () => {
    const result = await call({ body: '{"amountHalalas": 5', headers: { ...validRequest.headers, 'x-correlation-id': 'corr-1' } });
    expect(result.statusCode).toBe(400);
    const body = jsonBody(result) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message', 'requestId', 'timestamp']);
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(body.error.requestId).toBe(result.headers?.['X-Request-Id']);
    expect(result.headers?.['X-Correlation-Id']).toBe('corr-1');
  });

  it('writes the error message in Arabic when the client prefers Arabic', async () => {
    const result = await call({ body: '{', headers: { ...validRequest.headers, 'accept-language': 'ar-SA' } });
    const { error } = jsonBody(result) as { error: { message: string } };
    expect(error.message).toMatch(/[\u0600-\u06FF]/);
    expect(result.headers?.['Content-Language']).toBe('ar');
  });

  it('reports every invalid field, in Arabic when asked', async () => {
    const result = await call({
      body: JSON.stringify({ amountHalalas: -1.5 }),
      pathParameters: { thingId: 'x' },
      headers: { ...validRequest.headers, 'accept-language': 'ar' },
    });
    const { error } = jsonBody(result) as { error: { details: { field: string; issue: string }[] } };
    expect(new Set(error.details.map((detail) => detail.field))).toEqual(new Set(['body.amountHalalas', 'path.thingId']));
    expect(error.details[0]?.issue).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses bodies above the size limit with 413 before parsing them', async () => {
    const result = await call({ body: JSON.stringify({ amountHalalas: 1, padding: 'x'.repeat(REQUEST_BODY_BYTES_MAX) }) });
    expect(result.statusCode).toBe(413);
    expect((jsonBody(result) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not declared as JSON', async () => {
    const result = await call({ headers: { 'content-type': 'text/plain', 'idempotency-key': 'k1' } });
    expect(result.statusCode).toBe(415);
  });

  it('requires an Idempotency-Key on routes that move money or create resources', async () => {
    const result = await call({ headers: { 'content-type': 'application/json' } });
    expect(result.statusCode).toBe(400);
    expect((jsonBody(result) as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('answers 401 without a principal and 403 for a principal without a permitted role', async () => {
    const anonymous = await handler(httpEvent({ ...validRequest, authorizer: undefined }), testContext());
    const staff = await call({ authorizer: { principalId: 'S1', roles: 'compliance' } });
    expect(anonymous.statusCode).toBe(401);
    expect(staff.statusCode).toBe(403);
  });

  it('hides internal failures behind a generic 500 with no stack trace or internal message', async () => {
    const failing = httpHandler(registerRoute, async () => {
      throw new Error('DynamoDB table rabhan-prod-table exploded at line 42');
    });
    const result = await failing(httpEvent(validRequest), testContext());
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('rabhan-prod-table');
    expect(result.body).not.toContain('at line');
    expect((jsonBody(result) as { error: { code: string } }).error.code).toBe('INTERNAL_ERROR');
  });

  it('exposes deliberate client errors with their code and details', async () => {
    const refusing = httpHandler(registerRoute, async () => {
      throw kernelError('ROUTE_NOT_FOUND', { details: [{ field: 'thingId', issue: 'gone' }] });
    });
    const result = await refusing(httpEvent(validRequest), testContext());
    expect(result.statusCode).toBe(404);
    expect((jsonBody(result) as { error: { details: unknown } }).error.details).toEqual([{ field: 'thingId', issue: 'gone' }]);
  });

  it('echoes a well-formed X-Correlation-Id of up to 128 characters', async () => {
    const correlationId = 'c'.repeat(128);

    const result = await call({ headers: { ...validRequest.headers, 'x-correlation-id': correlationId } });

    expect(result.statusCode).toBe(201);
    expect(result.headers?.['X-Correlation-Id']).toBe(correlationId);
  });

  it.each([
    ['longer than 128 characters', 'c'.repeat(129)],
    ['with a character outside letters, digits and . _ : -', 'order 42'],
    ['empty', ''],
  ])('refuses an X-Correlation-Id %s with 400 VALIDATION_FAILED naming the header, as the OpenAPI document states', async (_case, correlationId) => {
    const result = await call({ headers: { ...validRequest.headers, 'x-correlation-id': correlationId, 'accept-language': 'ar' } });

    expect(result.statusCode).toBe(400);
    const { error } = jsonBody(result) as { error: { code: string; message: string; details: { field: string }[]; requestId: string } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ field: 'header.X-Correlation-Id' })]);
    expect(error.message).toMatch(/[\u0600-\u06FF]/);
    expect(result.headers?.['X-Correlation-Id']).toBe(error.requestId);
  });

  it('sets the security headers on successes and errors alike', async () => {
    for (const result of [await call(), await call({ body: '{' })]) {
      expect(result.headers).toMatchObject({
        'Strict-Transport-Security': expect.stringContaining('max-age='),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Content-Type': 'application/json; charset=utf-8',
      });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { DynamoDbCanaryStore } from '../../shared/adapters/dynamodb/canary-store.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { systemClock, ulidGenerator } from '../../shared/platform/clock-and-ids.ts';
import { emitPipelineCanary } from '../../shared/use-cases/pipeline-canary.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';

describe('the local runtime', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('serves health with the version and region', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: 'test', region: process.env.AWS_REGION });
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('serves an OpenAPI document that covers every documented route with its error responses', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/openapi.json`);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/v1/health']?.get).toBeDefined();
    expect(document.paths['/v1/customers']?.post?.responses['422']).toBeDefined();
    expect(document.paths['/v1/customers']?.post?.responses['401']).toBeDefined();
  });

  it('answers an unknown route with 404 in the error format, in Arabic when asked', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/no-such-thing`, { headers: { 'accept-language': 'ar' } });
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(response.status).toBe(404);
    expect(body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses an X-Correlation-Id longer than the documented 128 characters with 400 in the error format', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/health`, { headers: { 'x-correlation-id': 'c'.repeat(129) } });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a role-protected route without a token with 401 in the error format, as API Gateway would', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/customers/me`);
    const body = (await response.json()) as { error: { code: string; message: string; details: unknown[]; requestId: string } };
    expect(response.status).toBe(401);
    expect(body.error).toMatchObject({ code: 'AUTHENTICATION_REQUIRED', details: [] });
    expect(body.error.message).toMatch(/access token/);
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers malformed JSON with 400 in the error format', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/auth/nafath/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nationalId":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MALFORMED_JSON');
  });

  it('delivers an outbox event through stream, bus, rule and queue to its consumer', async () => {
    const canaryStore = new DynamoDbCanaryStore(createDocumentClient(), runtime.resources.tableName);

    const { canaryId, eventId } = await emitPipelineCanary({ correlationId: 'e2e' }, { canaryStore, clock: systemClock, ids: ulidGenerator });

    const arrival = await eventually(() => canaryStore.findArrival(canaryId), { description: 'the canary to arrive' });
    expect(arrival.eventId).toBe(eventId);
  });
});

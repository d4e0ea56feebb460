import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { DynamoDbCanaryStore } from '../../shared/platform/adapters/canary-store.ts';
import { createDocumentClient } from '../../shared/kernel/storage/document-client.ts';
import { systemClock, ulidGenerator } from '../../shared/kernel/clock-and-ids.ts';
import { emitPipelineCanary } from '../../shared/platform/app/pipeline-canary.ts';
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

  it('answers a method a known path does not declare with 405, an Allow header and the error format, in Arabic when asked', async () => {
    // fetch refuses to send TRACE, so it goes through node:http.
    const trace = await rawRequest(`${runtime.baseUrl}/v1/ops/ledger/trial-balance`, 'TRACE', { 'accept-language': 'ar' });
    const remove = await fetch(`${runtime.baseUrl}/v1/ops/ledger/trial-balance`, { method: 'DELETE' });

    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe('GET');
    const traced = JSON.parse(trace.body) as { error: { code: string; message: string; requestId: string } };
    expect(traced.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(traced.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(remove.status).toBe(405);
    expect(remove.headers.get('allow')).toBe('GET');
    expect(((await remove.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
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

function rawRequest(url: string, method: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { postJson } from '../../../shared/kernel/http-client/post-json.ts';
import { GovernmentServiceError } from '../../../shared/kernel/errors/government-service-error.ts';

const replySchema = z.strictObject({ ok: z.boolean() });
const TIMEOUT_MILLISECONDS = 300;

/** A stand-in government service on loopback whose answer is chosen by the request path. */
const server = http.createServer((request, response) => {
  if (request.url === '/ok') return void response.end(JSON.stringify({ ok: true }));
  if (request.url === '/unavailable') return void response.writeHead(503).end();
  if (request.url === '/refused') return void response.writeHead(400).end();
  if (request.url === '/huge') {
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = 'x'.repeat(16 * 1024);
    // Far more than any real reply: the client must stop reading long before the end.
    for (let index = 0; index < 64; index += 1) response.write(chunk);
    return void response.end();
  }
  if (request.url === '/stalls') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"ok":');
    return; // never finishes
  }
  response.writeHead(404).end();
});
let baseUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const call = (path: string) => postJson('SIMAH', `${baseUrl}${path}`, { consentReference: 'c' }, replySchema, TIMEOUT_MILLISECONDS);

describe('posting JSON to a government service', () => {
  it('returns the validated reply', async () => {
    await expect(call('/ok')).resolves.toEqual({ ok: true });
  });

  it('treats a 5xx as retryable unavailability', async () => {
    await expect(call('/unavailable')).rejects.toMatchObject({ reason: 'UNAVAILABLE', retryable: true });
  });

  it('treats a 404 as a definite, permanent answer that the thing asked about does not exist', async () => {
    await expect(call('/missing')).rejects.toMatchObject({ reason: 'NOT_FOUND', retryable: false });
  });

  it('treats any other 4xx as a permanent refusal of the request', async () => {
    await expect(call('/refused')).rejects.toMatchObject({ reason: 'REJECTED_REQUEST', retryable: false });
  });

  it('refuses a reply larger than any real one as malformed, without reading all of it', async () => {
    const error = await call('/huge').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GovernmentServiceError);
    expect(error).toMatchObject({ reason: 'MALFORMED_RESPONSE', retryable: false });
  });

  it('treats a reply that stops arriving as a retryable timeout', async () => {
    await expect(call('/stalls')).rejects.toMatchObject({ reason: 'TIMEOUT', retryable: true });
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asksForRetry, deliverSigned, scheduler, type WebhookSender } from '../../../../lib/local/simulators/webhook-delivery.ts';
import { isCallbackSignatureValid } from '../../../../shared/kernel/crypto/callback-signature.ts';

const SECRET = 'delivery-test-secret';
const ATTEMPTS_MAX = 4;
/** Retries 5, 10 and 20 ms apart: the whole bounded schedule fits well inside QUIET_MILLISECONDS. */
const RETRY_BASE_DELAY_MILLISECONDS = 5;
const QUIET_MILLISECONDS = 300;

interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

const stoppers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stoppers.splice(0)) await stop();
});

/** A webhook that answers each delivery with the next answer in `answers` (the last one repeats). */
async function startWebhook(answers: readonly Answer[]): Promise<{ url: string; received: { headers: http.IncomingHttpHeaders; rawBody: string }[] }> {
  const received: { headers: http.IncomingHttpHeaders; rawBody: string }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      const answer = answers[Math.min(received.length, answers.length) - 1] ?? { status: 200 };
      response.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stoppers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, received };
}

function sender(url: string): WebhookSender {
  return {
    url: () => url,
    secret: SECRET,
    timestampHeader: 'x-test-timestamp',
    signatureHeader: 'x-test-signature',
    attemptsMax: ATTEMPTS_MAX,
    retryBaseDelayMilliseconds: RETRY_BASE_DELAY_MILLISECONDS,
    attemptTimeoutMilliseconds: 1_000,
  };
}

function timers() {
  const schedule = scheduler();
  stoppers.push(() => schedule.stop());
  return schedule;
}

describe('signed webhook delivery from the simulators', () => {
  it('retries a lost race (409 with Retry-After) and a 5xx, resending the same body with a fresh valid signature each time', async () => {
    const webhook = await startWebhook([{ status: 409, headers: { 'retry-after': '1' } }, { status: 503 }, { status: 200 }]);

    await deliverSigned(sender(webhook.url), timers(), '{"eventId":"evt_1"}');

    expect(webhook.received.map((delivery) => delivery.rawBody)).toEqual(['{"eventId":"evt_1"}', '{"eventId":"evt_1"}', '{"eventId":"evt_1"}']);
    for (const delivery of webhook.received) {
      const signature = { timestamp: String(delivery.headers['x-test-timestamp']), signature: String(delivery.headers['x-test-signature']) };
      expect(isCallbackSignatureValid(SECRET, signature, delivery.rawBody, new Date())).toBe(true);
    }
  });

  it('treats a refusal that does not ask for a retry (400, 401, a 409 without Retry-After) as final', async () => {
    for (const status of [400, 401, 409]) {
      const webhook = await startWebhook([{ status }]);
      await deliverSigned(sender(webhook.url), timers(), '{}');
      await new Promise((resolve) => setTimeout(resolve, QUIET_MILLISECONDS));
      expect([status, webhook.received.length]).toEqual([status, 1]);
    }
  });

  it('gives up after a bounded number of attempts', async () => {
    const webhook = await startWebhook([{ status: 500 }]);

    await deliverSigned(sender(webhook.url), timers(), '{}');
    await new Promise((resolve) => setTimeout(resolve, QUIET_MILLISECONDS));

    expect(webhook.received).toHaveLength(ATTEMPTS_MAX);
  });

  it('retries when nothing answers, and stops retrying once the simulator stops', async () => {
    const webhook = await startWebhook([{ status: 200 }]);
    const unreachable = { ...sender('http://127.0.0.1:9/webhook'), retryBaseDelayMilliseconds: 50 };
    const schedule = timers();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    // Never awaited: a delivery stopped between attempts stays unresolved, as its simulator is gone.
    void deliverSigned(unreachable, schedule, '{}');
    await vi.waitFor(() => expect(fetchSpy.mock.calls.length).toBeGreaterThanOrEqual(2));
    schedule.stop();
    const attemptsAtStop = fetchSpy.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MILLISECONDS));

    expect(fetchSpy.mock.calls.length).toBe(attemptsAtStop);
    expect(attemptsAtStop).toBeLessThan(ATTEMPTS_MAX);
    expect(webhook.received).toHaveLength(0);
    fetchSpy.mockRestore();
  });

  it('asks for a retry exactly on 5xx, 429 and answers carrying Retry-After', () => {
    const answer = (status: number, headers: Record<string, string> = {}) => asksForRetry({ status, headers: new Headers(headers) });
    expect([answer(500), answer(503), answer(429), answer(409, { 'retry-after': '1' })]).toEqual([true, true, true, true]);
    expect([answer(200), answer(201), answer(400), answer(401), answer(404), answer(409)]).toEqual([false, false, false, false, false, false]);
  });
});

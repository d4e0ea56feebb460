import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALLBACK_ATTEMPTS_MAX, signNafathCallback, startNafathSimulator } from '../../../../lib/local/simulators/nafath-simulator.ts';
import { ordinaryReportFigures, startSimahSimulator } from '../../../../lib/local/simulators/simah-simulator.ts';
import { nafathBehaviourFor, simahBehaviourFor, STAFF_IDENTITIES, TEST_IDENTITIES, TEST_IDENTITY_LIST } from '../../../../lib/local/simulators/test-identities.ts';
import { isCallbackSignatureValid } from '../../../../shared/kernel/crypto/callback-signature.ts';
import { assessRisk } from '../../../../shared/credit/domain/risk-assessment.ts';
import { hasValidCheckDigit, parseNationalId } from '../../../../shared/kernel/national-id.ts';
import { DEFAULT_LENDING_POLICY } from '../../../../shared/kernel/policy.ts';

/*
 * The simulators are real HTTP servers on 127.0.0.1 with free ports; nothing leaves the machine.
 */
const SECRET = 'simulator-test-secret';
const APPROVAL_DELAY_MILLISECONDS = 20;
/** Long enough that a status poll right after the login request reliably sees WAITING. */
const HUMAN_APPROVAL_DELAY_MILLISECONDS = 300;
/** Retries 5, 10, 20 and 40 ms apart, so the whole bounded schedule fits well inside QUIET_MILLISECONDS. */
const CALLBACK_RETRY_BASE_DELAY_MILLISECONDS = 5;
/** How long to watch for a callback that must not come. */
const QUIET_MILLISECONDS = 300;
/** Well under the adapters' 5 s timeout: long enough to tell "held open" from "answered". */
const CLIENT_PATIENCE_MILLISECONDS = 300;
const ORDINARY_CITIZEN_ID = '1000000008';

const stoppers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
  vi.restoreAllMocks();
});

interface ReceivedCallback {
  readonly headers: http.IncomingHttpHeaders;
  readonly rawBody: string;
}

/** A tiny callback receiver that answers each delivery with the next status in `statuses` (the last one repeats). */
async function startReceiver(statuses: readonly number[] = [200]): Promise<{ url: string; received: ReceivedCallback[] }> {
  const received: ReceivedCallback[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses[Math.min(received.length, statuses.length) - 1] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stoppers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/integrations/nafath/callback`, received };
}

async function nafath(callbackUrl?: string, approvalDelayMilliseconds = APPROVAL_DELAY_MILLISECONDS) {
  const simulator = await startNafathSimulator({
    port: 0,
    callbackUrl: () => callbackUrl,
    callbackSecret: SECRET,
    approvalDelayMilliseconds,
    callbackRetryBaseDelayMilliseconds: CALLBACK_RETRY_BASE_DELAY_MILLISECONDS,
  });
  stoppers.push(() => simulator.stop());
  return simulator;
}

async function simah() {
  const simulator = await startSimahSimulator({ port: 0 });
  stoppers.push(() => simulator.stop());
  return simulator;
}

function post(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(signal === undefined ? {} : { signal }) });
}

const requestLogin = (baseUrl: string, nationalId: string, signal?: AbortSignal) => post(`${baseUrl}/api/v1/mfa/request`, { nationalId, service: 'RABHAN' }, signal);
const requestReport = (baseUrl: string, nationalId: string, signal?: AbortSignal) => post(`${baseUrl}/v1/credit-reports`, { nationalId, consentReference: 'consent-1' }, signal);

async function statusOf(baseUrl: string, transId: string): Promise<unknown> {
  return (await fetch(`${baseUrl}/api/v1/mfa/request/status?transId=${encodeURIComponent(transId)}`)).json();
}

/** Resolves to 'held open' when the server has not answered within the client's patience. */
async function answerWithinPatience(call: (signal: AbortSignal) => Promise<Response>): Promise<number | 'held open'> {
  try {
    return (await call(AbortSignal.timeout(CLIENT_PATIENCE_MILLISECONDS))).status;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return 'held open';
    throw error;
  }
}

const riskOf = (report: { score: number; activeDefaults: number; existingObligationsHalalas: number }) => assessRisk(report, DEFAULT_LENDING_POLICY).category;

describe('the test identity catalogue', () => {
  it('holds only unique IDs with valid check digits: citizens, plus one resident for the residency refusal', () => {
    // Arrange
    const ids = TEST_IDENTITY_LIST.map((identity) => identity.nationalId);

    // Act
    const parsed = ids.map(parseNationalId);

    // Assert
    expect(new Set(ids).size).toBe(ids.length);
    expect(parsed.every((id) => id !== undefined)).toBe(true);
    expect(parsed.filter((id) => id?.kind === 'resident').map((id) => id?.value)).toEqual([TEST_IDENTITIES.resident.nationalId]);
  });

  it('covers every NAFATH and SIMAH behaviour the adapters must handle, and one ops and one compliance staff member', () => {
    // Act
    const nafathBehaviours = new Set(TEST_IDENTITY_LIST.filter((identity) => identity.simulator === 'NAFATH').map((identity) => identity.behaviour));
    const simahBehaviours = new Set(TEST_IDENTITY_LIST.filter((identity) => identity.simulator === 'SIMAH').map((identity) => identity.behaviour));

    // Assert
    expect(nafathBehaviours).toEqual(new Set(['approve', 'reject', 'expire', 'timeout', 'server-error', 'garbage']));
    expect(simahBehaviours).toEqual(new Set(['high-risk', 'medium-risk', 'timeout', 'server-error', 'server-error-once', 'garbage']));
    expect(STAFF_IDENTITIES.map((staff) => staff.staffRole).sort()).toEqual(['compliance', 'ops']);
  });

  it('gives any valid ID outside the catalogue the ordinary behaviour: NAFATH approves, SIMAH reports', () => {
    // Act / Assert
    expect(nafathBehaviourFor(ORDINARY_CITIZEN_ID)).toBe('approve');
    expect(simahBehaviourFor(ORDINARY_CITIZEN_ID)).toBe('ordinary');
    expect(nafathBehaviourFor(TEST_IDENTITIES.simahHighRisk.nationalId)).toBe('approve');
    expect(simahBehaviourFor(TEST_IDENTITIES.nafathRejects.nationalId)).toBe('ordinary');
  });

  it('is documented: docs/simulators.md lists every test ID', async () => {
    // Arrange
    const documentation = await readFile(new URL('../../../../docs/simulators.md', import.meta.url), 'utf8');

    // Act
    const undocumented = TEST_IDENTITY_LIST.filter((identity) => !documentation.includes(`\`${identity.nationalId}\``));

    // Assert
    expect(undocumented).toEqual([]);
  });
});

describe('the NAFATH simulator', () => {
  it('approves an ordinary ID and delivers a correctly signed callback that carries no personal data', async () => {
    // Arrange
    const receiver = await startReceiver();
    const simulator = await nafath(receiver.url, HUMAN_APPROVAL_DELAY_MILLISECONDS);

    // Act
    const response = await requestLogin(simulator.baseUrl, ORDINARY_CITIZEN_ID);
    const login = (await response.json()) as { transId: string; random: string };
    const statusWhileWaiting = await statusOf(simulator.baseUrl, login.transId);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));

    // Assert
    expect(response.status).toBe(200);
    expect(login.random).toMatch(/^[1-9]\d$/);
    expect(statusWhileWaiting).toEqual({ transId: login.transId, status: 'WAITING' });
    const [callback] = receiver.received;
    const timestamp = String(callback?.headers['x-nafath-timestamp']);
    const signature = String(callback?.headers['x-nafath-signature']);
    expect(signature).toBe(signNafathCallback(SECRET, Number(timestamp), callback?.rawBody ?? ''));
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(isCallbackSignatureValid(SECRET, { timestamp, signature }, callback?.rawBody ?? '', new Date())).toBe(true);
    const body = JSON.parse(callback?.rawBody ?? '') as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['callbackId', 'occurredAt', 'status', 'transId']);
    expect(body).toMatchObject({ transId: login.transId, status: 'COMPLETED' });
    expect(callback?.rawBody).not.toContain(ORDINARY_CITIZEN_ID);
    expect(await statusOf(simulator.baseUrl, login.transId)).toEqual({ transId: login.transId, status: 'COMPLETED' });
  });

  it.each([
    ['rejects', TEST_IDENTITIES.nafathRejects.nationalId, 'REJECTED'],
    ['expires', TEST_IDENTITIES.nafathExpires.nationalId, 'EXPIRED'],
  ])('reports the outcome of the ID that %s by callback and by polling', async (_behaviour, nationalId, expectedStatus) => {
    // Arrange
    const receiver = await startReceiver();
    const simulator = await nafath(receiver.url);

    // Act
    const { transId } = (await (await requestLogin(simulator.baseUrl, nationalId)).json()) as { transId: string };
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));

    // Assert
    expect(JSON.parse(receiver.received[0]?.rawBody ?? '')).toMatchObject({ transId, status: expectedStatus });
    expect(await statusOf(simulator.baseUrl, transId)).toEqual({ transId, status: expectedStatus });
  });

  it('answers 503 for the 5xx ID and a 200 that is not JSON for the garbage ID', async () => {
    // Arrange
    const simulator = await nafath();

    // Act
    const unavailable = await requestLogin(simulator.baseUrl, TEST_IDENTITIES.nafathServerError.nationalId);
    const garbage = await requestLogin(simulator.baseUrl, TEST_IDENTITIES.nafathGarbage.nationalId);
    const garbageText = await garbage.text();

    // Assert
    expect(unavailable.status).toBe(503);
    expect(garbage.status).toBe(200);
    expect(() => JSON.parse(garbageText) as unknown).toThrow();
  });

  it('holds the request of the timeout ID open, and stop() still ends promptly', async () => {
    // Arrange
    const simulator = await nafath();

    // Act
    const answer = await answerWithinPatience((signal) => requestLogin(simulator.baseUrl, TEST_IDENTITIES.nafathTimesOut.nationalId, signal));
    const pending = requestLogin(simulator.baseUrl, TEST_IDENTITIES.nafathTimesOut.nationalId).catch(() => 'connection closed');
    const stopStarted = Date.now();
    await simulator.stop();

    // Assert
    expect(answer).toBe('held open');
    expect(await pending).toBe('connection closed');
    expect(Date.now() - stopStarted).toBeLessThan(1_000);
  });

  it('retries a callback the receiver failed with a 5xx, resending the same callback id with a fresh signature', async () => {
    // Arrange
    const receiver = await startReceiver([503, 200]);
    const simulator = await nafath(receiver.url);

    // Act
    await requestLogin(simulator.baseUrl, ORDINARY_CITIZEN_ID);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(2));

    // Assert
    const [first, second] = receiver.received.map((callback) => JSON.parse(callback.rawBody) as { callbackId: string });
    expect(second?.callbackId).toBe(first?.callbackId);
    for (const callback of receiver.received) {
      const timestamp = String(callback.headers['x-nafath-timestamp']);
      expect(isCallbackSignatureValid(SECRET, { timestamp, signature: String(callback.headers['x-nafath-signature']) }, callback.rawBody, new Date())).toBe(true);
    }
  });

  it('treats a 4xx answer to a callback that does not ask for a retry as final', async () => {
    // Arrange
    const receiver = await startReceiver([409]);
    const simulator = await nafath(receiver.url);

    // Act
    await requestLogin(simulator.baseUrl, ORDINARY_CITIZEN_ID);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, QUIET_MILLISECONDS));

    // Assert
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up on a callback after a bounded number of attempts', async () => {
    // Arrange
    const receiver = await startReceiver([500]);
    const simulator = await nafath(receiver.url);

    // Act
    await requestLogin(simulator.baseUrl, ORDINARY_CITIZEN_ID);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(CALLBACK_ATTEMPTS_MAX));
    await new Promise((resolve) => setTimeout(resolve, QUIET_MILLISECONDS));

    // Assert
    expect(receiver.received).toHaveLength(CALLBACK_ATTEMPTS_MAX);
  });

  it('refuses a login request without a valid national ID', async () => {
    // Arrange
    const simulator = await nafath();

    // Act
    const statuses = await Promise.all(['1000000000', '12345', ''].map(async (nationalId) => (await requestLogin(simulator.baseUrl, nationalId)).status));
    const missing = (await post(`${simulator.baseUrl}/api/v1/mfa/request`, { service: 'RABHAN' })).status;

    // Assert
    expect(statuses).toEqual([400, 400, 400]);
    expect(missing).toBe(400);
  });

  it('refuses a request body larger than 16 KiB', async () => {
    // Arrange
    const simulator = await nafath();
    const oversized = { nationalId: ORDINARY_CITIZEN_ID, service: 'x'.repeat(17 * 1024) };

    // Act
    const outcome = await post(`${simulator.baseUrl}/api/v1/mfa/request`, oversized).then(
      (response) => response.status,
      () => 'connection closed',
    );

    // Assert
    expect(outcome === 'connection closed' || (typeof outcome === 'number' && outcome >= 400 && outcome < 500)).toBe(true);
  });

  it('answers 404 for an unknown transaction id', async () => {
    // Arrange
    const simulator = await nafath();

    // Act
    const response = await fetch(`${simulator.baseUrl}/api/v1/mfa/request/status?transId=unknown`);

    // Assert
    expect(response.status).toBe(404);
  });

  it('writes nothing to the console, so no national ID can reach a log', async () => {
    // Arrange
    const writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    const receiver = await startReceiver();
    const nafathSimulator = await nafath(receiver.url);
    const simahSimulator = await simah();

    // Act
    await requestLogin(nafathSimulator.baseUrl, ORDINARY_CITIZEN_ID);
    await requestLogin(nafathSimulator.baseUrl, TEST_IDENTITIES.nafathServerError.nationalId);
    await requestReport(simahSimulator.baseUrl, ORDINARY_CITIZEN_ID);
    await requestReport(simahSimulator.baseUrl, TEST_IDENTITIES.simahServerError.nationalId);
    await post(`${simahSimulator.baseUrl}/v1/credit-reports`, 'not an object');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));

    // Assert
    for (const spy of [...writes, ...logs]) expect(spy).not.toHaveBeenCalled();
  });
});

describe('the SIMAH simulator', () => {
  it('returns a well-formed, deterministic report for an ordinary ID', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const response = await requestReport(simulator.baseUrl, ORDINARY_CITIZEN_ID);
    const report = (await response.json()) as Record<string, unknown>;
    const again = (await (await requestReport(simulator.baseUrl, ORDINARY_CITIZEN_ID)).json()) as Record<string, unknown>;

    // Assert
    expect(response.status).toBe(200);
    expect(report).toEqual({
      reportId: expect.any(String),
      score: expect.any(Number),
      grade: expect.stringMatching(/^[A-E]$/),
      existingObligationsHalalas: expect.any(Number),
      activeDefaults: 0,
      reportedAt: expect.any(String),
    });
    expect(Number.isInteger(report.score) && (report.score as number) >= 300 && (report.score as number) <= 900).toBe(true);
    expect(Number.isInteger(report.existingObligationsHalalas) && (report.existingObligationsHalalas as number) >= 0).toBe(true);
    expect(new Date(report.reportedAt as string).toISOString()).toBe(report.reportedAt);
    expect({ score: again.score, obligations: again.existingObligationsHalalas }).toEqual({ score: report.score, obligations: report.existingObligationsHalalas });
    expect(again.reportId).not.toBe(report.reportId);
  });

  it('gives the high-risk ID defaults or a low score, so it maps to HIGH risk', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const report = (await (await requestReport(simulator.baseUrl, TEST_IDENTITIES.simahHighRisk.nationalId)).json()) as { score: number; activeDefaults: number; existingObligationsHalalas: number };

    // Assert
    expect(report.activeDefaults > 0 || report.score < 550).toBe(true);
    expect(riskOf(report)).toBe('HIGH');
  });

  it('gives the medium-risk ID a report that maps to MEDIUM risk', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const report = (await (await requestReport(simulator.baseUrl, TEST_IDENTITIES.simahMediumRisk.nationalId)).json()) as { score: number; activeDefaults: number; existingObligationsHalalas: number };

    // Assert
    expect(riskOf(report)).toBe('MEDIUM');
  });

  it('maps every ordinary ID to LOW or MEDIUM risk, never HIGH', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[12]\d{8}$/), (body) => {
        // Arrange
        const nationalId = [...'0123456789'].map((digit) => `${body}${digit}`).find(hasValidCheckDigit) ?? '';

        // Act
        const figures = ordinaryReportFigures(nationalId);

        // Assert
        expect(['LOW', 'MEDIUM']).toContain(riskOf(figures));
      }),
    );
  });

  it('fails the transient ID once with 503 and then succeeds, per simulator instance', async () => {
    // Arrange
    const nationalId = TEST_IDENTITIES.simahServerErrorOnce.nationalId;
    const simulator = await simah();

    // Act
    const first = await requestReport(simulator.baseUrl, nationalId);
    const second = await requestReport(simulator.baseUrl, nationalId);
    const third = await requestReport(simulator.baseUrl, nationalId);
    const freshInstance = await simah();
    const firstOnFreshInstance = await requestReport(freshInstance.baseUrl, nationalId);

    // Assert
    expect([first.status, second.status, third.status]).toEqual([503, 200, 200]);
    expect(riskOf((await second.json()) as { score: number; activeDefaults: number; existingObligationsHalalas: number })).toBe('LOW');
    expect(firstOnFreshInstance.status).toBe(503);
  });

  it('always answers 503 for the 5xx-always ID', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await requestReport(simulator.baseUrl, TEST_IDENTITIES.simahServerError.nationalId)).status);

    // Assert
    expect(statuses).toEqual([503, 503, 503]);
  });

  it('answers the garbage ID with a 200 whose report has the wrong shape', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const response = await requestReport(simulator.baseUrl, TEST_IDENTITIES.simahGarbage.nationalId);
    const body = (await response.json()) as Record<string, unknown>;

    // Assert
    expect(response.status).toBe(200);
    expect(typeof body.score).not.toBe('number');
  });

  it('holds the request of the timeout ID open, and stop() still ends promptly', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const answer = await answerWithinPatience((signal) => requestReport(simulator.baseUrl, TEST_IDENTITIES.simahTimesOut.nationalId, signal));
    const stopStarted = Date.now();
    await simulator.stop();

    // Assert
    expect(answer).toBe('held open');
    expect(Date.now() - stopStarted).toBeLessThan(1_000);
  });

  it('refuses a request without a valid national ID or without a consent reference', async () => {
    // Arrange
    const simulator = await simah();

    // Act
    const invalidId = await requestReport(simulator.baseUrl, '1000000000');
    const noConsent = await post(`${simulator.baseUrl}/v1/credit-reports`, { nationalId: ORDINARY_CITIZEN_ID });

    // Assert
    expect(invalidId.status).toBe(400);
    expect(noConsent.status).toBe(400);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpPayoutProviderClient, PAYOUT_PROVIDER_SERVICE, PAYOUT_PROVIDER_TIMEOUT_MILLISECONDS } from '../../../shared/projects/adapters/payout-client.ts';
import { GovernmentServiceError } from '../../../shared/kernel/errors/government-service-error.ts';
import { validSaudiIban } from '../../support/iban.ts';

/*
 * The client against a scripted stand-in for the provider on 127.0.0.1, for the answers the simulator never gives
 * (wrong shapes, someone else's acknowledgement, silence). The simulator's own cases are in
 * test/integration/projects/payout-simulator.test.ts.
 */
const IBAN = validSaudiIban('80', '000000608010167519');
const INSTRUCTION = { disbursementId: 'dsb_01JD0000000000000000000000', amountHalalas: 1_250_000, iban: IBAN, reference: 'RABHAN milestone 1 of 3' } as const;
const ACCEPTED = { transferId: INSTRUCTION.disbursementId, providerTransferId: 'ptr_1', status: 'ACCEPTED' } as const;
/** Well under the default 5 s: long enough to tell a held reply from a prompt one. */
const IMPATIENT_TIMEOUT_MILLISECONDS = 150;

interface Scripted {
  status: number;
  body: string;
  hold: boolean;
}

let server: http.Server;
let baseUrl: string;
const received: Array<{ method: string | undefined; url: string | undefined; contentType: string | undefined; body: unknown }> = [];
let next: Scripted = { status: 201, body: JSON.stringify({ ...ACCEPTED, duplicate: false }), hold: false };

const answer = (status: number, body: unknown, hold = false): void => {
  next = { status, body: typeof body === 'string' ? body : JSON.stringify(body), hold };
};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, contentType: request.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      if (next.hold) return;
      response.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

async function failureOf(promise: Promise<unknown>): Promise<GovernmentServiceError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GovernmentServiceError);
  return error as GovernmentServiceError;
}

const summary = (error: GovernmentServiceError) => ({ service: error.service, reason: error.reason, retryable: error.retryable });

describe('HttpPayoutProviderClient', () => {
  it('waits 5 s per attempt by default', () => {
    expect(PAYOUT_PROVIDER_TIMEOUT_MILLISECONDS).toBe(5_000);
  });

  it('POSTs JSON to /v1/transfers with the disbursement id as the transferId, and nothing else of ours', async () => {
    // Arrange
    answer(201, { ...ACCEPTED, duplicate: false });

    // Act
    await new HttpPayoutProviderClient(baseUrl).instructTransfer(INSTRUCTION);

    // Assert
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/v1/transfers',
        contentType: 'application/json',
        body: { transferId: INSTRUCTION.disbursementId, amountHalalas: INSTRUCTION.amountHalalas, iban: IBAN, reference: INSTRUCTION.reference },
      },
    ]);
  });

  it('reads a new transfer (201, duplicate false) as not already instructed, and a repeat (200, duplicate true) as already instructed', async () => {
    // Arrange
    const client = new HttpPayoutProviderClient(baseUrl);

    // Act
    answer(201, { ...ACCEPTED, duplicate: false });
    const created = await client.instructTransfer(INSTRUCTION);
    answer(200, { ...ACCEPTED, duplicate: true });
    const repeated = await client.instructTransfer(INSTRUCTION);

    // Assert
    expect(created).toEqual({ providerTransferId: 'ptr_1', alreadyInstructed: false });
    expect(repeated).toEqual({ providerTransferId: 'ptr_1', alreadyInstructed: true });
  });

  it.each([
    ['an acknowledgement of another transfer', { ...ACCEPTED, transferId: 'dsb_another', duplicate: false }],
    ['a status other than ACCEPTED', { ...ACCEPTED, status: 'PENDING', duplicate: false }],
    ['no repeated-instruction flag', ACCEPTED],
    ['an empty providerTransferId', { ...ACCEPTED, providerTransferId: '', duplicate: false }],
    ['a body that is not JSON', 'accepted, probably'],
  ])('treats %s as a final MALFORMED_RESPONSE', async (_case, body) => {
    // Arrange
    answer(201, body);

    // Act
    const error = await failureOf(new HttpPayoutProviderClient(baseUrl).instructTransfer(INSTRUCTION));

    // Assert
    expect(summary(error)).toEqual({ service: PAYOUT_PROVIDER_SERVICE, reason: 'MALFORMED_RESPONSE', retryable: false });
  });

  it.each([
    [400, 'REJECTED_REQUEST', false],
    [409, 'REJECTED_REQUEST', false],
    [422, 'REJECTED_REQUEST', false],
    [404, 'NOT_FOUND', false],
    [429, 'UNAVAILABLE', true],
    [500, 'UNAVAILABLE', true],
    [503, 'UNAVAILABLE', true],
  ] as const)('maps a %i to %s (retryable: %s)', async (status, reason, retryable) => {
    // Arrange
    answer(status, { error: 'refused' });

    // Act
    const error = await failureOf(new HttpPayoutProviderClient(baseUrl).instructTransfer(INSTRUCTION));

    // Assert
    expect(summary(error)).toEqual({ service: PAYOUT_PROVIDER_SERVICE, reason, retryable });
  });

  it('maps a reply held past its timeout to a retryable TIMEOUT', async () => {
    // Arrange
    answer(201, { ...ACCEPTED, duplicate: false }, true);

    // Act
    const error = await failureOf(new HttpPayoutProviderClient(baseUrl, IMPATIENT_TIMEOUT_MILLISECONDS).instructTransfer(INSTRUCTION));

    // Assert
    expect(summary(error)).toEqual({ service: PAYOUT_PROVIDER_SERVICE, reason: 'TIMEOUT', retryable: true });
  });

  it('maps an unreachable provider to a retryable UNAVAILABLE', async () => {
    // Arrange
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    // Act
    const error = await failureOf(new HttpPayoutProviderClient(unreachable).instructTransfer(INSTRUCTION));

    // Assert
    expect(summary(error)).toEqual({ service: PAYOUT_PROVIDER_SERVICE, reason: 'UNAVAILABLE', retryable: true });
  });

  it('never puts the IBAN, or its account digits, into an error', async () => {
    // Arrange
    const client = new HttpPayoutProviderClient(baseUrl);
    const errors: GovernmentServiceError[] = [];

    // Act
    for (const [status, body] of [
      [409, { error: IBAN }],
      [201, { ...ACCEPTED, transferId: IBAN, duplicate: false }],
      [201, IBAN],
      [503, IBAN],
    ] as const) {
      answer(status, body);
      errors.push(await failureOf(client.instructTransfer(INSTRUCTION)));
    }

    // Assert
    for (const error of errors) {
      const shown = `${error.message} ${String(error.stack)} ${JSON.stringify(error)}`;
      expect(shown).not.toContain(IBAN.slice(4));
    }
  });
});

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSimulator } from '../../../lib/local/simulators/http-simulator.ts';
import {
  PAYOUT_SIGNATURE_HEADER,
  PAYOUT_SIMULATOR_DELAYS_MILLISECONDS,
  PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS,
  PAYOUT_SIMULATOR_TRANSFERS_MAX,
  PAYOUT_TEST_IBANS,
  PAYOUT_TIMESTAMP_HEADER,
  startPayoutSimulator,
  type PayoutWebhookEvent,
} from '../../../lib/local/simulators/payout-simulator.ts';
import { HttpPayoutProviderClient, PAYOUT_PROVIDER_SERVICE } from '../../../shared/projects/adapters/payout-client.ts';
import { isCallbackSignatureValid } from '../../../shared/kernel/crypto/callback-signature.ts';
import { GovernmentServiceError } from '../../../shared/kernel/errors/government-service-error.ts';
import { parseSaudiIban } from '../../../shared/kernel/iban.ts';
import { validSaudiIban } from '../../support/iban.ts';

/*
 * The payout simulator and its client over real HTTP on 127.0.0.1, with a tiny local server as our webhook. Every
 * test runs concurrently, each with transfer ids of its own (and the bounded ones with a simulator of their own), so
 * the file takes about as long as its slowest case: filling the simulator, or a settlement followed by a return.
 */
const SECRET = 'payout-simulator-test-secret';
/** An ordinary IBAN (Al Rajhi's code) with valid check digits: none of the documented cases. */
const ORDINARY_IBAN = validSaudiIban('80', '000000608010167519');
const ANOTHER_ORDINARY_IBAN = validSaudiIban('80', '000000608010167520');
const AMOUNT_HALALAS = 1_250_000;
const REFERENCE = 'RABHAN milestone 1 of 3';
/** Until the last event of the slowest case (a return 2 s after settling at 0.8 s) plus generous slack. */
const OUTCOMES_PATIENCE = { timeout: 6_000, interval: 25 } as const;
/** How long to watch, after the last expected event, for one that must not come. */
const QUIET_MILLISECONDS = 400;

interface Delivery {
  readonly headers: http.IncomingHttpHeaders;
  readonly rawBody: string;
  readonly event: PayoutWebhookEvent;
}

interface Receiver {
  readonly url: string;
  readonly deliveries: Delivery[];
  stop(): Promise<void>;
}

/** Our webhook, reduced to a recorder that answers every delivery 200. */
async function startReceiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      deliveries.push({ headers: request.headers, rawBody, event: JSON.parse(rawBody) as PayoutWebhookEvent });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/integrations/payouts/webhook`,
    deliveries,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const newTransferId = (): string => `dsb_${randomUUID()}`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function instruction(disbursementId: string, iban: string = ORDINARY_IBAN, amountHalalas: number = AMOUNT_HALALAS) {
  return { disbursementId, amountHalalas, iban, reference: REFERENCE };
}

function postTransfer(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/v1/transfers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function failureOf(promise: Promise<unknown>): Promise<Pick<GovernmentServiceError, 'service' | 'reason' | 'retryable' | 'message'>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GovernmentServiceError);
  const { service, reason, retryable, message } = error as GovernmentServiceError;
  return { service, reason, retryable, message };
}

describe.concurrent('the payout simulator, through HttpPayoutProviderClient', () => {
  let receiver: Receiver;
  let simulator: RunningSimulator;
  let client: HttpPayoutProviderClient;

  beforeAll(async () => {
    receiver = await startReceiver();
    simulator = await startPayoutSimulator({ port: 0, webhookUrl: () => receiver.url, webhookSecret: SECRET });
    client = new HttpPayoutProviderClient(simulator.baseUrl);
  });

  afterAll(async () => {
    await simulator.stop();
    await receiver.stop();
  });

  const deliveriesOf = (transferId: string): Delivery[] => receiver.deliveries.filter((delivery) => delivery.event.transferId === transferId);
  const typesOf = (transferId: string): string[] => deliveriesOf(transferId).map((delivery) => delivery.event.type);

  /** Waits until the transfer's webhook deliveries are exactly `types`, in order, and stay so for a quiet spell. */
  async function outcomesOf(transferId: string, types: readonly string[]): Promise<PayoutWebhookEvent[]> {
    await vi.waitFor(() => expect(typesOf(transferId)).toEqual(types), OUTCOMES_PATIENCE);
    await sleep(QUIET_MILLISECONDS);
    expect(typesOf(transferId)).toEqual(types);
    return deliveriesOf(transferId).map((delivery) => delivery.event);
  }

  describe('outcomes delivered to the webhook', () => {
    it('sends then settles an ordinary transfer, and delivers the settlement a second time with the same eventId', async () => {
      // Arrange
      const transferId = newTransferId();

      // Act
      const acknowledgement = await client.instructTransfer(instruction(transferId));
      const [sent, settled, settledAgain] = await outcomesOf(transferId, ['transfer.sent', 'transfer.settled', 'transfer.settled']);

      // Assert
      expect(acknowledgement).toEqual({ providerTransferId: expect.stringMatching(/^ptr_/), alreadyInstructed: false });
      expect(sent).toEqual({
        eventId: expect.stringMatching(/^evt_/),
        type: 'transfer.sent',
        transferId,
        providerTransferId: acknowledgement.providerTransferId,
        amountHalalas: AMOUNT_HALALAS,
        occurredAt: expect.any(String),
      });
      expect(settled).toEqual({ ...sent, eventId: expect.stringMatching(/^evt_/), type: 'transfer.settled', occurredAt: expect.any(String) });
      expect(settled?.eventId).not.toBe(sent?.eventId);
      expect(settledAgain).toEqual(settled);
      expect(Date.parse(settled?.occurredAt ?? '')).toBeGreaterThan(Date.parse(sent?.occurredAt ?? ''));
    });

    it('signs every delivery with x-payout-timestamp and x-payout-signature, which the kernel verifies, and never sends the IBAN', async () => {
      // Arrange
      const transferId = newTransferId();

      // Act
      await client.instructTransfer(instruction(transferId));
      await outcomesOf(transferId, ['transfer.sent', 'transfer.settled', 'transfer.settled']);

      // Assert
      for (const delivery of deliveriesOf(transferId)) {
        const timestamp = String(delivery.headers[PAYOUT_TIMESTAMP_HEADER]);
        const signature = String(delivery.headers[PAYOUT_SIGNATURE_HEADER]);
        expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
        expect(isCallbackSignatureValid(SECRET, { timestamp, signature }, delivery.rawBody, new Date())).toBe(true);
        expect(isCallbackSignatureValid('another-secret', { timestamp, signature }, delivery.rawBody, new Date())).toBe(false);
        expect(delivery.rawBody).not.toContain(ORDINARY_IBAN.slice(4));
      }
    });

    it('answers a repeated instruction with the same providerTransferId as already instructed, and pays it only once', async () => {
      // Arrange
      const transferId = newTransferId();

      // Act
      const first = await client.instructTransfer(instruction(transferId));
      const repeated = await client.instructTransfer(instruction(transferId));
      const events = await outcomesOf(transferId, ['transfer.sent', 'transfer.settled', 'transfer.settled']);

      // Assert
      expect(first.alreadyInstructed).toBe(false);
      expect(repeated).toEqual({ providerTransferId: first.providerTransferId, alreadyInstructed: true });
      expect(new Set(events.map((event) => event.eventId)).size).toBe(2);
    });

    it('fails a transfer to the closed-account IBAN: sent, then failed with BENEFICIARY_ACCOUNT_CLOSED, never settled', async () => {
      // Arrange
      const transferId = newTransferId();

      // Act
      const acknowledgement = await client.instructTransfer(instruction(transferId, PAYOUT_TEST_IBANS.accountClosed));
      const [, failed] = await outcomesOf(transferId, ['transfer.sent', 'transfer.failed']);

      // Assert
      expect(failed).toMatchObject({ type: 'transfer.failed', reason: 'BENEFICIARY_ACCOUNT_CLOSED', providerTransferId: acknowledgement.providerTransferId, amountHalalas: AMOUNT_HALALAS });
    });

    it('settles a transfer to the returning IBAN and then returns it about 2 s later with BENEFICIARY_BANK_RETURNED', async () => {
      // Arrange
      const transferId = newTransferId();

      // Act
      await client.instructTransfer(instruction(transferId, PAYOUT_TEST_IBANS.returnedAfterSettlement));
      const [, settled, , returned] = await outcomesOf(transferId, ['transfer.sent', 'transfer.settled', 'transfer.settled', 'transfer.returned']);

      // Assert
      expect(settled?.reason).toBeUndefined();
      expect(returned).toMatchObject({ type: 'transfer.returned', reason: 'BENEFICIARY_BANK_RETURNED', amountHalalas: AMOUNT_HALALAS });
      const returnedAfterMilliseconds = Date.parse(returned?.occurredAt ?? '') - Date.parse(settled?.occurredAt ?? '');
      expect(returnedAfterMilliseconds).toBeGreaterThanOrEqual(PAYOUT_SIMULATOR_DELAYS_MILLISECONDS.returnedAfterSettled - 50);
    });

    it('answers the first two instructions to the unavailable IBAN 503, which the client throws as retryable, then accepts the third once', async () => {
      // Arrange
      const transferId = newTransferId();
      const retryableUnavailable = { service: PAYOUT_PROVIDER_SERVICE, reason: 'UNAVAILABLE', retryable: true, message: `${PAYOUT_PROVIDER_SERVICE} UNAVAILABLE` };

      // Act
      const firstFailure = await failureOf(client.instructTransfer(instruction(transferId, PAYOUT_TEST_IBANS.unavailableTwice)));
      const secondFailure = await failureOf(client.instructTransfer(instruction(transferId, PAYOUT_TEST_IBANS.unavailableTwice)));
      const accepted = await client.instructTransfer(instruction(transferId, PAYOUT_TEST_IBANS.unavailableTwice));
      const repeated = await client.instructTransfer(instruction(transferId, PAYOUT_TEST_IBANS.unavailableTwice));

      // Assert
      expect(firstFailure).toEqual(retryableUnavailable);
      expect(secondFailure).toEqual(retryableUnavailable);
      expect(accepted.alreadyInstructed).toBe(false);
      expect(repeated).toEqual({ providerTransferId: accepted.providerTransferId, alreadyInstructed: true });
      await outcomesOf(transferId, ['transfer.sent', 'transfer.settled', 'transfer.settled']);
    });
  });

  describe('refusals', () => {
    it('answers 201 to a new instruction and 200 to the same one again, each with the same providerTransferId and ACCEPTED', async () => {
      // Arrange
      const transferId = newTransferId();
      const body = { transferId, amountHalalas: AMOUNT_HALALAS, iban: ORDINARY_IBAN, reference: REFERENCE };

      // Act
      const created = await postTransfer(simulator.baseUrl, body);
      const repeated = await postTransfer(simulator.baseUrl, { ...body, reference: 'a corrected reference' });

      // Assert
      expect(created.status).toBe(201);
      const createdBody = (await created.json()) as { providerTransferId: string };
      expect(createdBody).toEqual({ transferId, providerTransferId: expect.stringMatching(/^ptr_/), status: 'ACCEPTED', duplicate: false });
      expect(repeated.status).toBe(200);
      expect(await repeated.json()).toEqual({ transferId, providerTransferId: createdBody.providerTransferId, status: 'ACCEPTED', duplicate: true });
    });

    it('refuses the same transferId with another amount or another IBAN 409, which the client throws as a final REJECTED_REQUEST', async () => {
      // Arrange
      const transferId = newTransferId();
      await client.instructTransfer(instruction(transferId));

      // Act
      const otherAmount = await postTransfer(simulator.baseUrl, { transferId, amountHalalas: AMOUNT_HALALAS + 1, iban: ORDINARY_IBAN, reference: REFERENCE });
      const otherIban = await postTransfer(simulator.baseUrl, { transferId, amountHalalas: AMOUNT_HALALAS, iban: ANOTHER_ORDINARY_IBAN, reference: REFERENCE });
      const failure = await failureOf(client.instructTransfer(instruction(transferId, ORDINARY_IBAN, AMOUNT_HALALAS + 1)));

      // Assert
      expect(otherAmount.status).toBe(409);
      expect(otherIban.status).toBe(409);
      expect(await otherIban.text()).not.toContain(ANOTHER_ORDINARY_IBAN);
      expect(failure).toEqual({ service: PAYOUT_PROVIDER_SERVICE, reason: 'REJECTED_REQUEST', retryable: false, message: `${PAYOUT_PROVIDER_SERVICE} REJECTED_REQUEST` });
    });

    it('refuses an amount above SAR 20,000 422 AMOUNT_ABOVE_TRANSFER_LIMIT (a final REJECTED_REQUEST to the client) and accepts exactly the limit', async () => {
      // Arrange
      const above = { transferId: newTransferId(), amountHalalas: PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS + 1, iban: ORDINARY_IBAN, reference: REFERENCE };

      // Act
      const refused = await postTransfer(simulator.baseUrl, above);
      const failure = await failureOf(client.instructTransfer(instruction(newTransferId(), ORDINARY_IBAN, PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS + 1)));
      const atLimit = await client.instructTransfer(instruction(newTransferId(), ORDINARY_IBAN, PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS));

      // Assert
      expect(PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS).toBe(2_000_000);
      expect(refused.status).toBe(422);
      expect(await refused.json()).toEqual({ error: 'AMOUNT_ABOVE_TRANSFER_LIMIT' });
      expect(failure).toMatchObject({ reason: 'REJECTED_REQUEST', retryable: false });
      expect(atLimit.alreadyInstructed).toBe(false);
    });

    it.each([
      ['an empty transferId', { transferId: '' }],
      ['a transferId of 65 characters', { transferId: 'x'.repeat(65) }],
      ['a transferId that is not a string', { transferId: 42 }],
      ['a zero amount', { amountHalalas: 0 }],
      ['a negative amount', { amountHalalas: -100 }],
      ['a fractional amount', { amountHalalas: 10.5 }],
      ['an amount beyond the safe integers', { amountHalalas: Number.MAX_SAFE_INTEGER + 1 }],
      ['an amount given as a string', { amountHalalas: '1000' }],
      ['an IBAN that is not SA and 22 digits', { iban: 'SA03800000006080101675AB' }],
      ['an IBAN with wrong check digits', { iban: `SA00${ORDINARY_IBAN.slice(4)}` }],
      ['a lower-case IBAN', { iban: ORDINARY_IBAN.toLowerCase() }],
      ['no reference', { reference: undefined }],
    ])('refuses %s 400 without echoing the IBAN', async (_case, override) => {
      // Arrange
      const body = { transferId: newTransferId(), amountHalalas: AMOUNT_HALALAS, iban: ORDINARY_IBAN, reference: REFERENCE, ...override };

      // Act
      const response = await postTransfer(simulator.baseUrl, body);
      const text = await response.text();

      // Assert
      expect(response.status).toBe(400);
      expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
      expect(text).not.toContain(ORDINARY_IBAN.slice(4));
    });

    it('answers 404 to anything but POST /v1/transfers', async () => {
      expect((await fetch(`${simulator.baseUrl}/v1/transfers`)).status).toBe(404);
      expect((await fetch(`${simulator.baseUrl}/v1/payouts`, { method: 'POST', body: '{}' })).status).toBe(404);
    });
  });

  describe('the documented test IBANs', () => {
    it('are valid Saudi IBANs at Riyad Bank (bank code 20), so they pass our own validation and reach the provider', () => {
      // Act
      const parsed = Object.values(PAYOUT_TEST_IBANS).map((iban) => parseSaudiIban(iban));

      // Assert
      expect(parsed).toEqual(Object.values(PAYOUT_TEST_IBANS).map((iban) => ({ ok: true, iban, bankCode: '20', bankName: 'Riyad Bank' })));
      expect(new Set(Object.values(PAYOUT_TEST_IBANS)).size).toBe(3);
    });
  });

  describe('the payout simulator is bounded', () => {
    it(`remembers at most ${PAYOUT_SIMULATOR_TRANSFERS_MAX} transfers, answers 503 to new ones beyond, and still answers repeats of those it holds`, async () => {
      // Arrange: no webhook, so that thousands of transfers schedule timers but deliver nothing.
      const full = await startPayoutSimulator({ port: 0, webhookUrl: () => undefined, webhookSecret: SECRET });
      const fullClient = new HttpPayoutProviderClient(full.baseUrl);
      const firstTransferId = newTransferId();
      try {
        await fullClient.instructTransfer(instruction(firstTransferId));
        const parallel = 50;
        for (let sent = 1; sent < PAYOUT_SIMULATOR_TRANSFERS_MAX; sent += parallel) {
          const batch = Math.min(parallel, PAYOUT_SIMULATOR_TRANSFERS_MAX - sent);
          await Promise.all(Array.from({ length: batch }, () => fullClient.instructTransfer(instruction(newTransferId()))));
        }

        // Act
        const beyond = await postTransfer(full.baseUrl, { transferId: newTransferId(), amountHalalas: AMOUNT_HALALAS, iban: ORDINARY_IBAN, reference: REFERENCE });
        const repeat = await fullClient.instructTransfer(instruction(firstTransferId));

        // Assert
        expect(beyond.status).toBe(503);
        expect(repeat.alreadyInstructed).toBe(true);
      } finally {
        await full.stop();
      }
    });

    it('delivers nothing more once stopped: pending outcomes are cancelled with their timers', async () => {
      // Arrange
      const quietReceiver = await startReceiver();
      const stopping = await startPayoutSimulator({ port: 0, webhookUrl: () => quietReceiver.url, webhookSecret: SECRET });
      try {
        await new HttpPayoutProviderClient(stopping.baseUrl).instructTransfer(instruction(newTransferId()));

        // Act
        await stopping.stop();
        await sleep(PAYOUT_SIMULATOR_DELAYS_MILLISECONDS.settledOrFailed + QUIET_MILLISECONDS);

        // Assert
        expect(quietReceiver.deliveries).toEqual([]);
      } finally {
        await quietReceiver.stop();
      }
    });
  });
});

/**
 * NAFATH simulator. A login request returns a transaction id and the random number the person would pick in the
 * Nafath app; after a short delay the outcome is POSTed to our callback, signed like the real integration
 * (HMAC-SHA-256 over `timestamp.body`), and can also be polled. Behaviour is keyed by national ID
 * (test-identities.ts). The callback never carries the national ID or any other personal data, and nothing is logged.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { signCallback } from '../../../shared/kernel/crypto/callback-signature.ts';
import { parseNationalId } from '../../../shared/kernel/national-id.ts';
import { startHttpSimulator, type RunningSimulator, type SimulatorResponse } from './http-simulator.ts';
import { deliverSigned, scheduler, type WebhookSender } from './webhook-delivery.ts';
import { nafathBehaviourFor } from './test-identities.ts';

export interface NafathSimulatorOptions {
  /** @default 0 (a free port) */
  readonly port?: number;
  /** Resolved when the outcome is due, since the API's port may be known only after the simulator starts. */
  readonly callbackUrl: () => string | undefined;
  readonly callbackSecret: string;
  /** How long the simulated person takes to answer in the app. @default DEFAULT_APPROVAL_DELAY_MILLISECONDS */
  readonly approvalDelayMilliseconds?: number;
  /** The delay before the first callback retry; it doubles after each failed attempt. @default CALLBACK_RETRY_BASE_DELAY_MILLISECONDS */
  readonly callbackRetryBaseDelayMilliseconds?: number;
}

export type NafathOutcome = 'COMPLETED' | 'REJECTED' | 'EXPIRED';
export type NafathStatus = 'WAITING' | NafathOutcome;

export const DEFAULT_APPROVAL_DELAY_MILLISECONDS = 1_000;
/** Callback delivery attempts, like a real webhook sender (webhook-delivery.ts says which answers are retried). */
export const CALLBACK_ATTEMPTS_MAX = 5;
/** Doubles after each failed attempt: 250, 500, 1,000, 2,000 ms, so a delivery gives up within about 4 s. */
export const CALLBACK_RETRY_BASE_DELAY_MILLISECONDS = 250;
/** Our callback endpoint answers in milliseconds; a hung receiver must not hold the delivery forever. */
const CALLBACK_TIMEOUT_MILLISECONDS = 5_000;
/** Far beyond our 5 s client timeout, and short enough that an abandoned request does not linger. */
export const TIMEOUT_HOLD_MILLISECONDS = 30_000;
/** A long local session must not grow the status table without bound; the oldest transactions are forgotten. */
const TRANSACTIONS_MAX = 10_000;
/** The two-digit numbers NAFATH shows, from 10 to 99. */
const RANDOM_NUMBER_MIN = 10;
const RANDOM_NUMBER_END = 100;

const OUTCOME_FOR = { approve: 'COMPLETED', reject: 'REJECTED', expire: 'EXPIRED' } as const satisfies Record<string, NafathOutcome>;

/** The `X-Nafath-Signature` value: `v1=<hex HMAC-SHA-256(secret, timestamp + "." + rawBody)>`, as our verifier expects. */
export function signNafathCallback(secret: string, timestampSeconds: number, rawBody: string): string {
  return signCallback(secret, timestampSeconds, rawBody);
}

export async function startNafathSimulator(options: NafathSimulatorOptions): Promise<RunningSimulator> {
  const statuses = new Map<string, NafathStatus>();
  const schedule = scheduler();
  const later = schedule.later;
  const callbacks: WebhookSender = {
    url: options.callbackUrl,
    secret: options.callbackSecret,
    timestampHeader: 'x-nafath-timestamp',
    signatureHeader: 'x-nafath-signature',
    attemptsMax: CALLBACK_ATTEMPTS_MAX,
    retryBaseDelayMilliseconds: options.callbackRetryBaseDelayMilliseconds ?? CALLBACK_RETRY_BASE_DELAY_MILLISECONDS,
    attemptTimeoutMilliseconds: CALLBACK_TIMEOUT_MILLISECONDS,
  };

  const record = (transId: string, status: NafathStatus): void => {
    statuses.delete(transId);
    statuses.set(transId, status);
    if (statuses.size > TRANSACTIONS_MAX) statuses.delete(statuses.keys().next().value as string);
  };

  function settle(transId: string, status: NafathOutcome): Promise<void> {
    record(transId, status);
    const rawBody = JSON.stringify({ callbackId: randomUUID(), transId, status, occurredAt: new Date().toISOString() });
    // One callback, one id: retries resend the same body with a fresh timestamp and signature.
    return deliverSigned(callbacks, schedule, rawBody);
  }

  function requestLogin(body: unknown): SimulatorResponse | Promise<SimulatorResponse | 'hang'> {
    const nationalId = (body as { nationalId?: unknown } | undefined)?.nationalId;
    if (typeof nationalId !== 'string' || parseNationalId(nationalId) === undefined) return { status: 400, body: { error: 'invalid nationalId' } };
    const behaviour = nafathBehaviourFor(nationalId);
    switch (behaviour) {
      case 'timeout':
        // Answers only long after any sane client has given up; stop() ends the connection sooner.
        return later(TIMEOUT_HOLD_MILLISECONDS, () => ({ status: 504, body: { error: 'gateway timeout' } }));
      case 'server-error':
        return { status: 503, body: { error: 'service unavailable' } };
      case 'garbage':
        return { status: 200, body: 'not json' };
      case 'approve':
      case 'reject':
      case 'expire': {
        const transId = randomUUID();
        record(transId, 'WAITING');
        void later(options.approvalDelayMilliseconds ?? DEFAULT_APPROVAL_DELAY_MILLISECONDS, () => settle(transId, OUTCOME_FOR[behaviour])).catch(() => undefined);
        return { status: 200, body: { transId, random: String(randomInt(RANDOM_NUMBER_MIN, RANDOM_NUMBER_END)) } };
      }
    }
  }

  return startHttpSimulator(
    options.port ?? 0,
    async (request) => {
      if (request.method === 'GET' && request.url.pathname === '/api/v1/mfa/request/status') {
        const transId = request.url.searchParams.get('transId') ?? '';
        const status = statuses.get(transId);
        return status === undefined ? { status: 404, body: { error: 'unknown transaction' } } : { status: 200, body: { transId, status } };
      }
      if (request.method === 'POST' && request.url.pathname === '/api/v1/mfa/request') return requestLogin(request.body);
      return { status: 404, body: { error: 'not found' } };
    },
    () => schedule.stop(),
  );
}

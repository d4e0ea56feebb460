/**
 * NAFATH simulator. A login request returns a transaction id and the random number the person would pick in the
 * Nafath app; after a short delay the outcome is POSTed to our callback, signed like the real integration
 * (HMAC-SHA-256 over `timestamp.body`). Behaviour is keyed by national ID (test-identities.ts). The callback never
 * carries personal data.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { signCallback } from '../../../shared/auth/callback-signature.ts';
import { startHttpSimulator, type RunningSimulator } from './http-simulator.ts';
import { nafathBehaviourFor } from './test-identities.ts';

export interface NafathSimulatorOptions {
  readonly port: number;
  /** Resolved when the outcome is due, since the API's port may be known only after the simulator starts. */
  readonly callbackUrl: () => string | undefined;
  readonly callbackSecret: string;
  /** How long the simulated person takes to answer in the app. */
  readonly approvalDelayMilliseconds?: number;
}

const DEFAULT_APPROVAL_DELAY_MILLISECONDS = 1_000;
/** Callback delivery attempts on network errors or 5xx, like a real webhook sender. */
const CALLBACK_ATTEMPTS_MAX = 5;
const CALLBACK_RETRY_DELAY_MILLISECONDS = 500;

type Outcome = 'COMPLETED' | 'REJECTED' | 'EXPIRED';

export async function startNafathSimulator(options: NafathSimulatorOptions): Promise<RunningSimulator> {
  const statuses = new Map<string, Outcome | 'WAITING'>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const later = (milliseconds: number, action: () => Promise<void>): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) void action();
    }, milliseconds);
    timers.add(timer);
  };

  async function deliver(transId: string, status: Outcome, attempt = 1): Promise<void> {
    statuses.set(transId, status);
    const url = options.callbackUrl();
    if (url === undefined) return;
    const body = JSON.stringify({ callbackId: randomUUID(), transId, status, occurredAt: new Date().toISOString() });
    const timestampSeconds = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nafath-timestamp': String(timestampSeconds), 'x-nafath-signature': signCallback(options.callbackSecret, timestampSeconds, body) },
        body,
      });
      if (response.status < 500) return;
    } catch {
      // Retried below.
    }
    if (attempt < CALLBACK_ATTEMPTS_MAX) later(CALLBACK_RETRY_DELAY_MILLISECONDS, () => deliver(transId, status, attempt + 1));
  }

  return startHttpSimulator(
    options.port,
    async (request) => {
      if (request.method === 'GET' && request.url.pathname === '/api/v1/mfa/request/status') {
        const transId = request.url.searchParams.get('transId') ?? '';
        const status = statuses.get(transId);
        return status === undefined ? { status: 404, body: { error: 'unknown transaction' } } : { status: 200, body: { transId, status } };
      }
      if (request.method !== 'POST' || request.url.pathname !== '/api/v1/mfa/request') return { status: 404, body: { error: 'not found' } };
      const nationalId = String((request.body as { nationalId?: unknown } | undefined)?.nationalId ?? '');
      const behaviour = nafathBehaviourFor(nationalId);
      if (behaviour === 'timeout') return 'hang';
      if (behaviour === 'server-error') return { status: 503, body: { error: 'service unavailable' } };
      if (behaviour === 'garbage') return { status: 200, body: '<html>not json</html>' };
      const transId = randomUUID();
      statuses.set(transId, 'WAITING');
      const outcome: Outcome = behaviour === 'reject' ? 'REJECTED' : behaviour === 'expire' ? 'EXPIRED' : 'COMPLETED';
      later(options.approvalDelayMilliseconds ?? DEFAULT_APPROVAL_DELAY_MILLISECONDS, () => deliver(transId, outcome));
      return { status: 200, body: { transId, random: String(randomInt(10, 100)) } };
    },
    () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
    },
  );
}

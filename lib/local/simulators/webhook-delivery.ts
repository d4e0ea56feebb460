/**
 * How the simulators deliver signed outcomes to our webhooks, as real senders do. One outcome keeps its body across
 * attempts; each attempt is signed afresh (HMAC-SHA-256 over `timestamp.body`). An attempt that is not acknowledged
 * is retried with exponential backoff, a bounded number of times: a network error or no answer, a 5xx, a 429, or an
 * answer that carries `Retry-After` (our 409 for a lost race says to try again). Any other answer is final, since a
 * 400 or 401 would only be refused again.
 */
import { signCallback } from '../../../shared/kernel/crypto/callback-signature.ts';

export interface Scheduler {
  readonly signal: AbortSignal;
  /** Runs `action` after the delay unless the simulator stopped first. */
  later<T>(milliseconds: number, action: () => T | Promise<T>): Promise<T>;
  stop(): void;
}

/** A simulator's timers, all cancelled when it stops. */
export function scheduler(): Scheduler {
  const timers = new Set<NodeJS.Timeout>();
  const stopping = new AbortController();
  return {
    signal: stopping.signal,
    later: <T>(milliseconds: number, action: () => T | Promise<T>): Promise<T> =>
      new Promise<T>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          // Through a promise, so that an action that throws becomes a rejection rather than an uncaught exception.
          if (!stopping.signal.aborted) resolve(Promise.resolve().then(action));
        }, milliseconds);
        timers.add(timer);
      }),
    stop: () => {
      stopping.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export interface WebhookSender {
  /** Resolved at each attempt, since the API's port may be known only after the simulator starts; undefined drops the delivery. */
  readonly url: () => string | undefined;
  readonly secret: string;
  readonly timestampHeader: string;
  readonly signatureHeader: string;
  /** Attempts per outcome, the first included. */
  readonly attemptsMax: number;
  /** The wait before the first retry; it doubles after each refused attempt. */
  readonly retryBaseDelayMilliseconds: number;
  /** Our webhooks answer in milliseconds; a hung receiver must not hold an attempt forever. */
  readonly attemptTimeoutMilliseconds: number;
}

const HTTP_TOO_MANY_REQUESTS = 429;
const HTTP_SERVER_ERROR_MIN = 500;

/** Whether an answer asks for the same delivery again. */
export function asksForRetry(response: Pick<Response, 'status' | 'headers'>): boolean {
  return response.status >= HTTP_SERVER_ERROR_MIN || response.status === HTTP_TOO_MANY_REQUESTS || response.headers.has('retry-after');
}

/** Delivers one outcome, retrying as the sender's policy says; resolves when it is acknowledged, refused or given up. */
export async function deliverSigned(sender: WebhookSender, schedule: Scheduler, rawBody: string, attempt = 1): Promise<void> {
  const url = sender.url();
  if (url === undefined) return;
  const timestampSeconds = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [sender.timestampHeader]: String(timestampSeconds), [sender.signatureHeader]: signCallback(sender.secret, timestampSeconds, rawBody) },
      body: rawBody,
      signal: AbortSignal.any([schedule.signal, AbortSignal.timeout(sender.attemptTimeoutMilliseconds)]),
    });
    await response.body?.cancel();
    if (!asksForRetry(response)) return;
  } catch {
    // A network error or timeout: retried below.
  }
  if (attempt >= sender.attemptsMax || schedule.signal.aborted) return;
  await schedule.later(sender.retryBaseDelayMilliseconds * 2 ** (attempt - 1), () => deliverSigned(sender, schedule, rawBody, attempt + 1));
}

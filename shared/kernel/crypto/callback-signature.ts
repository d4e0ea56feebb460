/**
 * Verifies webhook-style callbacks signed with HMAC-SHA-256 over `<timestamp>.<raw body>`. The timestamp bounds
 * how long a captured callback stays replayable; the callback id (checked in the store) stops replays inside it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a callback's timestamp may be from our clock. */
export const CALLBACK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
const SIGNATURE_PREFIX = 'v1=';

export function signCallback(secret: string, timestampSeconds: number, rawBody: string): string {
  return `${SIGNATURE_PREFIX}${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

export function isCallbackSignatureValid(
  secret: string,
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  rawBody: string,
  now: Date,
): boolean {
  if (headers.timestamp === undefined || headers.signature === undefined || !/^\d{1,12}$/.test(headers.timestamp)) return false;
  const timestampSeconds = Number(headers.timestamp);
  if (Math.abs(now.getTime() / 1000 - timestampSeconds) > CALLBACK_TIMESTAMP_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signCallback(secret, timestampSeconds, rawBody));
  const presented = Buffer.from(headers.signature);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

import type * as z from 'zod';
import { GovernmentServiceError } from '../errors/government-service-error.ts';

/** Government replies are small; anything bigger is malformed and is not read into memory. */
const RESPONSE_BYTES_MAX = 64 * 1024;

/**
 * POSTs JSON to a government service and validates the reply, translating every transport failure into a
 * GovernmentServiceError that says whether retrying may help. Nothing from the request (which holds personal
 * data) is ever put into the error.
 */
export async function postJson<TSchema extends z.ZodType>(
  service: GovernmentServiceError['service'],
  url: string,
  body: unknown,
  responseSchema: TSchema,
  timeoutMilliseconds: number,
): Promise<z.infer<TSchema>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMilliseconds),
    });
  } catch (error) {
    throw transportFailure(service, error);
  }
  if (response.status >= 500 || response.status === 429) {
    await response.body?.cancel();
    throw new GovernmentServiceError(service, 'UNAVAILABLE', true);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new GovernmentServiceError(service, 'NOT_FOUND', false);
  }
  if (response.status >= 400) {
    await response.body?.cancel();
    throw new GovernmentServiceError(service, 'REJECTED_REQUEST', false);
  }
  const text = await readBounded(service, response);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new GovernmentServiceError(service, 'MALFORMED_RESPONSE', false);
  }
  const result = responseSchema.safeParse(parsed);
  if (!result.success) throw new GovernmentServiceError(service, 'MALFORMED_RESPONSE', false);
  return result.data;
}

/** Reads the reply up to RESPONSE_BYTES_MAX, stopping (and dropping the connection) as soon as it grows past it. */
async function readBounded(service: GovernmentServiceError['service'], response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      totalBytes += value.byteLength;
      if (totalBytes > RESPONSE_BYTES_MAX) {
        await reader.cancel();
        throw new GovernmentServiceError(service, 'MALFORMED_RESPONSE', false);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof GovernmentServiceError) throw error;
    // The body stopped arriving: the timeout fired mid-reply, or the connection dropped.
    throw transportFailure(service, error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A request or reply cut short: by our timeout, or by the network. Either may succeed on a retry. */
function transportFailure(service: GovernmentServiceError['service'], error: unknown): GovernmentServiceError {
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return new GovernmentServiceError(service, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', true);
}

/**
 * Wraps an idempotent route: derives the scope from the request, lets the operation read and commit its record
 * with its own writes, and records refusals so that they replay too.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';
import { replayOrReject, type IdempotencyScope, type IdempotencyStore, type IdempotentOutcome, type IdempotentRequest, type StoredResponse } from '../idempotency/idempotency.ts';
import type { KernelErrorCode } from '../errors/kernel-error-codes.ts';
import { buildErrorResponseBody } from './error-response.ts';
import { RabhanError } from '../errors/rabhan-error.ts';
import { httpHandler, type ApiGatewayHandler, type HttpRequest, type HttpResult } from './http-handler.ts';
import { systemClock } from '../clock-and-ids.ts';
import type { RouteDefinition } from './route.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Errors about the key itself, or about this attempt's timing (a concurrent update, a rate limit), answer this
 * attempt, not the operation: they are never recorded, so a retry with the same key performs the operation.
 */
const UNRECORDED_CODES: ReadonlySet<string> = new Set<KernelErrorCode>(['IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REQUIRED', 'CONCURRENT_UPDATE', 'RATE_LIMITED']);

export function idempotencyScopeOf(route: RouteDefinition, request: HttpRequest<RouteDefinition>): IdempotencyScope {
  if (request.idempotencyKey === undefined || request.context.principal === undefined) {
    throw new Error('Idempotent routes require a key and a principal');
  }
  return {
    principalId: request.context.principal.principalId,
    keyDigest: sha256(request.idempotencyKey),
    fingerprint: sha256(canonicalJson({ route: route.id, path: request.pathParameters, body: request.body ?? null })),
  };
}

export async function respondIdempotently<T>(
  route: RouteDefinition,
  request: HttpRequest<RouteDefinition>,
  store: IdempotencyStore,
  now: () => Date,
  operation: (request: IdempotentRequest<T>) => Promise<IdempotentOutcome<T>>,
  toResponse: (value: T) => StoredResponse,
): Promise<HttpResult> {
  const scope = idempotencyScopeOf(route, request);
  try {
    const outcome = await operation({ ...scope, replyTo: toResponse });
    const response = outcome.kind === 'performed' ? toResponse(outcome.value) : outcome.response;
    return { statusCode: response.statusCode, body: response.body, headers: outcome.kind === 'replayed' ? { 'Idempotent-Replayed': 'true' } : {} };
  } catch (error) {
    if (!(error instanceof RabhanError) || error.httpStatus >= 500 || UNRECORDED_CODES.has(error.code)) throw error;
    const refusal: StoredResponse = {
      statusCode: error.httpStatus,
      body: buildErrorResponseBody(error, request.context.language, request.context.requestId, now()),
    };
    // Answer with exactly the body that was recorded, so a replay is byte-for-byte the same.
    if (await store.recordRefusal(scope, refusal, now())) return { statusCode: refusal.statusCode, body: refusal.body, headers: error.headers };
    // Someone answered this key first: replay theirs (or refuse a different request).
    const replay = replayOrReject(await store.find(scope), scope, now());
    if (replay === undefined) throw error;
    return { statusCode: replay.statusCode, body: replay.body, headers: { 'Idempotent-Replayed': 'true' } };
  }
}

/**
 * The handler of an idempotent route: the HTTP stack around `respondIdempotently`, on the system clock. A handler file
 * names only its route, its idempotency store, the use-case call and how a result is answered.
 */
export function idempotentHttpHandler<const TRoute extends RouteDefinition, T>(
  route: TRoute,
  store: () => IdempotencyStore,
  operation: (request: HttpRequest<TRoute>, idempotency: IdempotentRequest<T>) => Promise<IdempotentOutcome<T>>,
  toResponse: (value: T) => StoredResponse,
): ApiGatewayHandler {
  return httpHandler(route, (request) => respondIdempotently(route, request, store(), () => systemClock.now(), (idempotency) => operation(request, idempotency), toResponse));
}

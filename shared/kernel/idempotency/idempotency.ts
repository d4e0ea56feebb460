/**
 * Idempotency-Key semantics (modelled on Stripe, see domain-facts): the first response to a key, success or
 * refusal, is replayed with the same status and body; the same key with a different request is refused with 422
 * IDEMPOTENCY_KEY_REUSED; a request that loses the race to a concurrent one with the same key gets 409
 * IDEMPOTENCY_KEY_IN_USE and may retry to get the replay.
 *
 * The record commits in the same transaction as the operation it answers for, and is read in the same round trip
 * as the operation's other inputs, so idempotency costs no extra DynamoDB round trip on the success path.
 */
import type { RabhanError } from '../errors/rabhan-error.ts';
import { kernelError } from '../errors/kernel-error-codes.ts';

/** Keys are kept at least 24 hours (Stripe's guarantee); expiry is also checked in code since TTL is lazy. */
export const IDEMPOTENCY_RETENTION_SECONDS = 24 * 60 * 60;

export interface IdempotencyScope {
  readonly principalId: string;
  /** SHA-256 of the client's key: keys are client-chosen text and are never stored as given. */
  readonly keyDigest: string;
  /** SHA-256 of the operation and its parameters, to detect a key reused for a different request. */
  readonly fingerprint: string;
}

/**
 * An idempotent command's scope, and how its reply is recorded. The caller that knows the reply's shape (the HTTP
 * stack) supplies `replyTo`; the use-case only hands it its result, to store with the record in its transaction.
 */
export interface IdempotentRequest<TResult> extends IdempotencyScope {
  readonly replyTo: (result: TResult) => StoredResponse;
}

export interface StoredResponse {
  readonly statusCode: number;
  readonly body: unknown;
}

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly response: StoredResponse;
  readonly expiresAt: Date;
}

export type IdempotentOutcome<T> = { readonly kind: 'performed'; readonly value: T } | { readonly kind: 'replayed'; readonly response: StoredResponse };

/** Returns the response to replay, throws when the key was used for another request, or undefined to proceed. */
export function replayOrReject(record: IdempotencyRecord | undefined, scope: IdempotencyScope, now: Date): StoredResponse | undefined {
  if (record === undefined || record.expiresAt <= now) return undefined;
  if (record.fingerprint !== scope.fingerprint) throw kernelError('IDEMPOTENCY_KEY_REUSED');
  return record.response;
}

/** Thrown by a store when the operation's transaction lost the race to a concurrent request with the same key. */
export function idempotencyKeyInUse(cause: unknown): RabhanError {
  return kernelError('IDEMPOTENCY_KEY_IN_USE', { cause, headers: { 'Retry-After': '1' } });
}

export interface IdempotencyStore {
  find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined>;
  /** Records a refusal on its own (refusals commit nothing else); false when a record already exists. */
  recordRefusal(scope: IdempotencyScope, response: StoredResponse, now: Date): Promise<boolean>;
}

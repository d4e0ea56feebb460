/**
 * What every context's compose.ts builds on: configuration, the DynamoDB document client, the KMS client and the
 * idempotency store, each built once per container on first use, never on import. The AWS Encryption SDK is not
 * here: only the compose modules of functions that handle personal data bring it in (kernel/crypto/compose.ts).
 */
import { createDocumentClient } from './storage/document-client.ts';
import { createKmsClient } from './crypto/kms-client.ts';
import { loadPlatformConfig } from './config/platform-config.ts';
import { DynamoDbIdempotencyStore } from './idempotency/idempotency-store.ts';

export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** Memoises an async load for the life of the container, but forgets a failure so the next call retries. */
export function cachedAsync<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export const platformConfig = /* @__PURE__ */ once(() => loadPlatformConfig());
export const documentClient = /* @__PURE__ */ once(() => createDocumentClient());
export const kmsClient = /* @__PURE__ */ once(() => createKmsClient());
export { systemClock as clock, ulidGenerator as ids } from './clock-and-ids.ts';

/** Every idempotent route's record store. */
export const idempotencyStore = /* @__PURE__ */ once(() => new DynamoDbIdempotencyStore(documentClient(), platformConfig().tableName));

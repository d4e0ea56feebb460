import { describe, expect, it } from 'vitest';
import { RabhanError } from '../../../../shared/kernel/errors/rabhan-error.ts';
import type { HttpRequest } from '../../../../shared/kernel/http/http-handler.ts';
import { respondIdempotently } from '../../../../shared/kernel/http/idempotent-response.ts';
import { routes, type RouteDefinition } from '../../../../shared/catalog/routes.ts';
import type { IdempotencyRecord, IdempotencyScope, IdempotencyStore, StoredResponse } from '../../../../shared/kernel/idempotency/idempotency.ts';
import { lendingError } from '../../../../shared/lending/api/error-codes.ts';
import { kernelError } from '../../../../shared/kernel/errors/kernel-error-codes.ts';

const NOW = new Date('2026-12-02T09:00:00Z');

/** Records refusals in memory; the DynamoDB store is proved against DynamoDB Local in the integration tests. */
class RecordingIdempotencyStore implements IdempotencyStore {
  readonly records = new Map<string, IdempotencyRecord>();

  find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    return Promise.resolve(this.records.get(scope.keyDigest));
  }

  recordRefusal(scope: IdempotencyScope, response: StoredResponse, now: Date): Promise<boolean> {
    if (this.records.has(scope.keyDigest)) return Promise.resolve(false);
    this.records.set(scope.keyDigest, { fingerprint: scope.fingerprint, response, expiresAt: new Date(now.getTime() + 60_000) });
    return Promise.resolve(true);
  }
}

const request = {
  body: { offerId: '01JOFFER' },
  pathParameters: {},
  query: {},
  idempotencyKey: 'key-1',
  context: { requestId: 'req-1', correlationId: 'corr-1', language: 'en', receivedAt: NOW, principal: { principalId: 'p-1', roles: ['customer'] } },
  principal: { principalId: 'p-1', roles: ['customer'] },
  header: () => undefined,
  rawBody: undefined,
  clientAddress: '127.0.0.1',
} as unknown as HttpRequest<RouteDefinition>;

const refuseWith = (error: RabhanError) => () => Promise.reject(error);
const toResponse = (value: unknown): StoredResponse => ({ statusCode: 201, body: value });

describe('idempotent responses', () => {
  it('record a refusal of the operation, so a retry with the same key replays it', async () => {
    const store = new RecordingIdempotencyStore();

    const first = await respondIdempotently(routes.createPlan, request, store, () => NOW, refuseWith(lendingError('OFFER_EXPIRED')), toResponse);

    expect(first.statusCode).toBe(422);
    expect(store.records.size).toBe(1);
  });

  it('do not record a concurrent-update conflict, so a retry with the same key performs the operation', async () => {
    const store = new RecordingIdempotencyStore();

    const refused = respondIdempotently(routes.createPlan, request, store, () => NOW, refuseWith(kernelError('CONCURRENT_UPDATE')), toResponse);

    await expect(refused).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(store.records.size).toBe(0);
    const retried = await respondIdempotently(routes.createPlan, request, store, () => NOW, () => Promise.resolve({ kind: 'performed', value: { planId: 'plan-1' } }), toResponse);
    expect(retried).toMatchObject({ statusCode: 201, body: { planId: 'plan-1' } });
  });

  it('do not record a rate limit or a server failure', async () => {
    const store = new RecordingIdempotencyStore();

    await expect(respondIdempotently(routes.createPlan, request, store, () => NOW, refuseWith(kernelError('RATE_LIMITED')), toResponse)).rejects.toBeInstanceOf(RabhanError);
    await expect(respondIdempotently(routes.createPlan, request, store, () => NOW, () => Promise.reject(new Error('DynamoDB unavailable')), toResponse)).rejects.toThrow();

    expect(store.records.size).toBe(0);
  });
});

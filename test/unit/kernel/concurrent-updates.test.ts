import { describe, expect, it } from 'vitest';
import { applyingPartnerCallback, CONCURRENT_UPDATE_ATTEMPTS_MAX, retryingConcurrentUpdates } from '../../../shared/kernel/storage/concurrent-updates.ts';
import { kernelError } from '../../../shared/kernel/errors/kernel-error-codes.ts';
import { paymentsError } from '../../../shared/payments/api/error-codes.ts';

/** An operation that fails with the given errors in turn, then answers 'done'. */
function failingWith(...errors: Error[]) {
  let calls = 0;
  const operation = async (): Promise<string> => {
    calls += 1;
    const error = errors.shift();
    if (error !== undefined) throw error;
    return 'done';
  };
  return { operation, calls: () => calls };
}

describe('retrying concurrent updates', () => {
  it('runs the operation again when it lost a race, and returns its answer', async () => {
    const { operation, calls } = failingWith(kernelError('CONCURRENT_UPDATE'), kernelError('CONCURRENT_UPDATE'));

    await expect(retryingConcurrentUpdates(operation)).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  it('gives up after the attempt limit with the conflict itself', async () => {
    const conflicts = Array.from({ length: CONCURRENT_UPDATE_ATTEMPTS_MAX }, () => kernelError('CONCURRENT_UPDATE'));
    const { operation, calls } = failingWith(...conflicts);

    await expect(retryingConcurrentUpdates(operation)).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(calls()).toBe(CONCURRENT_UPDATE_ATTEMPTS_MAX);
  });

  it('never retries any other error', async () => {
    const { operation, calls } = failingWith(paymentsError('PAYMENT_NOT_FOUND'));

    await expect(retryingConcurrentUpdates(operation)).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    expect(calls()).toBe(1);
  });
});

describe('applying a partner callback', () => {
  it('answers 503 with Retry-After once every attempt lost a race, so the partner delivers again instead of giving up on a 409', async () => {
    const { operation, calls } = failingWith(...Array.from({ length: CONCURRENT_UPDATE_ATTEMPTS_MAX }, () => kernelError('CONCURRENT_UPDATE')));

    const refusal = await applyingPartnerCallback(operation).catch((error: unknown) => error);

    expect(calls()).toBe(CONCURRENT_UPDATE_ATTEMPTS_MAX);
    expect(refusal).toMatchObject({ code: 'RETRY_DELIVERY_LATER', httpStatus: 503, headers: { 'Retry-After': '5' } });
  });

  it('passes any other refusal through unchanged', async () => {
    const { operation } = failingWith(paymentsError('WEBHOOK_SIGNATURE_INVALID'));

    await expect(applyingPartnerCallback(operation)).rejects.toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
  });
});

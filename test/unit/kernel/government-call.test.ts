import { describe, expect, it } from 'vitest';
import { GovernmentServiceError } from '../../../shared/kernel/errors/government-service-error.ts';
import { DeadLetterNow } from '../../../shared/kernel/messaging/dead-letter-now.ts';
import { callGovernmentService, type GovernmentCallOptions } from '../../../shared/kernel/messaging/government-call.ts';

function harness(isFinalDelivery: boolean) {
  const settled: string[] = [];
  const sleeps: number[] = [];
  const options: GovernmentCallOptions = {
    retry: { attemptsPerDelivery: 3, initialBackoffMilliseconds: 100 },
    sleep: async (milliseconds) => void sleeps.push(milliseconds),
    isFinalDelivery,
    settleFailed: async (error) => void settled.push(error.reason),
    permanentFailure: (error) => new DeadLetterNow(`TEST_${error.reason}`),
  };
  return { settled, sleeps, options };
}

const failingWith = (error: Error) => {
  let calls = 0;
  return {
    call: async (): Promise<string> => {
      calls += 1;
      throw error;
    },
    calls: () => calls,
  };
};

describe('calling a government service from a queue consumer', () => {
  it('returns the first successful result after retryable failures, backing off exponentially', async () => {
    const { options, sleeps, settled } = harness(false);
    let calls = 0;
    const result = await callGovernmentService(async () => {
      calls += 1;
      if (calls < 3) throw new GovernmentServiceError('SEC', 'TIMEOUT', true);
      return 'imported';
    }, options);

    expect(result).toBe('imported');
    expect(sleeps).toEqual([100, 200]);
    expect(settled).toEqual([]);
  });

  it('gives a persisting retryable failure back to the queue without settling, before the final delivery', async () => {
    const { options, settled } = harness(false);
    const service = failingWith(new GovernmentServiceError('SEC', 'UNAVAILABLE', true));

    await expect(callGovernmentService(service.call, options)).rejects.toBeInstanceOf(GovernmentServiceError);
    expect(service.calls()).toBe(3);
    expect(settled).toEqual([]);
  });

  it('settles the work as failed on the final delivery, then still fails the message so it reaches the DLQ', async () => {
    const { options, settled } = harness(true);
    const service = failingWith(new GovernmentServiceError('SEC', 'UNAVAILABLE', true));

    await expect(callGovernmentService(service.call, options)).rejects.toBeInstanceOf(GovernmentServiceError);
    expect(settled).toEqual(['UNAVAILABLE']);
  });

  it('settles a permanent failure at once and dead-letters it without retrying', async () => {
    const { options, settled } = harness(false);
    const service = failingWith(new GovernmentServiceError('SEC', 'NOT_FOUND', false));

    await expect(callGovernmentService(service.call, options)).rejects.toMatchObject({ reasonCode: 'TEST_NOT_FOUND' });
    expect(service.calls()).toBe(1);
    expect(settled).toEqual(['NOT_FOUND']);
  });

  it('lets any other error through untouched, for the queue to redeliver', async () => {
    const { options, settled } = harness(true);
    const service = failingWith(new Error('DynamoDB throttled'));

    await expect(callGovernmentService(service.call, options)).rejects.toThrow('DynamoDB throttled');
    expect(service.calls()).toBe(1);
    expect(settled).toEqual([]);
  });
});

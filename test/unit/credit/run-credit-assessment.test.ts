import { describe, expect, it } from 'vitest';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';
import { DeadLetterNow } from '../../../shared/kernel/messaging/dead-letter.ts';
import type { CustomerRecord, CustomerStore } from '../../../shared/customers/app/customer-store.ts';
import type { AssessmentStore } from '../../../shared/credit/app/ports.ts';
import type { CreditAssessment } from '../../../shared/credit/domain/assessment.ts';
import { DEFAULT_SIMAH_RETRY_POLICY, runCreditAssessment } from '../../../shared/credit/app/credit-assessment.ts';
import { GovernmentServiceError } from '../../../shared/kernel/errors/government-service-error.ts';
import { type SimahClient } from '../../../shared/credit/app/credit-report.ts';

/** In-memory fake of the store: this test is about the retry and settlement decisions, not persistence. */
function fakeStore() {
  const settled: CreditAssessment[] = [];
  let assessment: CreditAssessment = { assessmentId: 'A1', customerId: 'C1', status: 'PENDING', consentGivenAt: new Date(), requestedAt: new Date() };
  const customerStore = { find: async () => ({ customerId: 'C1', nationalIdCiphertext: 'cipher' }) as CustomerRecord } as unknown as CustomerStore;
  const assessmentStore = {
    findAssessment: async () => assessment,
    settleAssessment: async (next: CreditAssessment) => {
      if (assessment.status === 'COMPLETED') return false;
      assessment = next;
      settled.push(next);
      return true;
    },
  } as unknown as AssessmentStore;
  return { customerStore, assessmentStore, settled };
}

function depsWith(simah: SimahClient) {
  const { customerStore, assessmentStore, settled } = fakeStore();
  const sleeps: number[] = [];
  return {
    settled,
    sleeps,
    deps: {
      customerStore,
      assessmentStore,
      cipher: { encrypt: async () => '', decrypt: async () => '1000000008' },
      simah,
      clock: { now: () => new Date('2026-11-24T10:00:00Z') },
      ids: { newId: () => 'ID' },
      policy: DEFAULT_LENDING_POLICY,
      retry: DEFAULT_SIMAH_RETRY_POLICY,
      sleep: async (milliseconds: number) => {
        sleeps.push(milliseconds);
      },
    },
  };
}

const failingWith = (reason: GovernmentServiceError['reason'], retryable: boolean): SimahClient => ({
  fetchCreditReport: async () => {
    throw new GovernmentServiceError('SIMAH', reason, retryable);
  },
});

const command = (isFinalDelivery: boolean) => ({ assessmentId: 'A1', customerId: 'C1', correlationId: 'R1', isFinalDelivery });

describe('running a credit assessment', () => {
  it('retries a SIMAH outage with exponential backoff and leaves the assessment pending for SQS to redeliver', async () => {
    const { deps, settled, sleeps } = depsWith(failingWith('UNAVAILABLE', true));

    await expect(runCreditAssessment(command(false), deps)).rejects.toBeInstanceOf(GovernmentServiceError);

    expect(sleeps).toEqual([200, 400]);
    expect(settled).toEqual([]);
  });

  it('settles FAILED with the reason on the final delivery, so the message can move to the DLQ', async () => {
    const { deps, settled } = depsWith(failingWith('TIMEOUT', true));

    await expect(runCreditAssessment(command(true), deps)).rejects.toBeInstanceOf(GovernmentServiceError);

    expect(settled.map((assessment) => [assessment.status, assessment.failureReason])).toEqual([['FAILED', 'SIMAH_TIMEOUT']]);
  });

  it('fails a malformed report at once and asks for the message to be dead-lettered', async () => {
    const { deps, settled, sleeps } = depsWith(failingWith('MALFORMED_RESPONSE', false));

    await expect(runCreditAssessment(command(false), deps)).rejects.toBeInstanceOf(DeadLetterNow);

    expect(sleeps).toEqual([]);
    expect(settled.map((assessment) => assessment.failureReason)).toEqual(['SIMAH_MALFORMED_RESPONSE']);
  });

  it('does nothing for a message delivered again after the assessment completed', async () => {
    let calls = 0;
    const { deps, settled } = depsWith({
      fetchCreditReport: async () => {
        calls += 1;
        return { reportId: 'R', score: 800, grade: 'A', existingObligationsHalalas: 0, activeDefaults: 0 };
      },
    });
    await runCreditAssessment(command(false), deps);

    const second = await runCreditAssessment(command(false), deps);

    expect(second).toBe('already-completed');
    expect(calls).toBe(1);
    expect(settled).toHaveLength(1);
  });

  it('completes after a transient failure and maps the report with the documented method', async () => {
    let calls = 0;
    const { deps, settled } = depsWith({
      fetchCreditReport: async () => {
        calls += 1;
        if (calls === 1) throw new GovernmentServiceError('SIMAH', 'UNAVAILABLE', true);
        return { reportId: 'R', score: 620, grade: 'C', existingObligationsHalalas: 0, activeDefaults: 0 };
      },
    });

    await expect(runCreditAssessment(command(false), deps)).resolves.toBe('completed');

    expect(settled[0]).toMatchObject({ status: 'COMPLETED', riskCategory: 'MEDIUM', maximumFinancingHalalas: 250_000 });
  });
});

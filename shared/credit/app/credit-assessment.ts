/**
 * Credit assessment with SIMAH. The request only records consent and an outbox event; the SIMAH worker does the
 * slow call. Settlement is conditional on the assessment not being COMPLETED, so a duplicate delivery has one effect.
 */
import { assessRisk, type RiskMethod } from '../domain/risk-assessment.ts';
import type { LendingPolicy } from '../../kernel/policy.ts';
import type { Principal as RequestPrincipal } from '../../kernel/http/request-context.ts';
import { DeadLetterNow } from '../../kernel/messaging/dead-letter-now.ts';
import { callGovernmentService, DEFAULT_GOVERNMENT_RETRY_POLICY, type GovernmentRetryPolicy } from '../../kernel/messaging/government-call.ts';
import { buildEventEnvelope } from '../../kernel/messaging/event-envelope.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { CustomerStore } from '../../customers/index.ts';
import type { AssessmentFailureReason, CreditAssessment } from '../domain/assessment.ts';
import type { AssessmentStore } from './ports.ts';
import type { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { type PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import { type SimahClient } from './credit-report.ts';
import { creditError } from '../api/error-codes.ts';
import { customersError } from '../../customers/index.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { CREDIT_EVENTS } from '../api/events.ts';

export async function requestCreditAssessment(
  command: { readonly principal: RequestPrincipal; readonly consent: boolean; readonly correlationId: string },
  deps: { readonly customerStore: Pick<CustomerStore, 'find'>; readonly assessmentStore: AssessmentStore; readonly clock: Clock; readonly ids: IdGenerator },
): Promise<CreditAssessment> {
  if (!command.consent) throw kernelError('CONSENT_REQUIRED', { details: [{ field: 'body.consent', issue: 'must be true' }] });
  const customer = await deps.customerStore.find(command.principal.principalId);
  if (customer === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const now = deps.clock.now();
  const assessment: CreditAssessment = {
    assessmentId: deps.ids.newId(),
    customerId: customer.customerId,
    status: 'PENDING',
    consentGivenAt: now,
    requestedAt: now,
  };
  const created = await deps.assessmentStore.createAssessment(
    assessment,
    customer,
    { action: 'CREDIT_CHECK_CONSENT_GIVEN', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { assessmentId: assessment.assessmentId, bureau: 'SIMAH' } },
    buildEventEnvelope(CREDIT_EVENTS.creditAssessmentRequested, { assessmentId: assessment.assessmentId, customerId: customer.customerId, consentGivenAt: now.toISOString() }, {
      eventId: deps.ids.newId(),
      occurredAt: now,
      correlationId: command.correlationId,
    }),
  );
  if (!created) throw kernelError('CONCURRENT_UPDATE');
  return assessment;
}

export async function getCreditAssessment(
  command: { readonly principal: RequestPrincipal; readonly assessmentId: string },
  deps: { readonly assessmentStore: Pick<AssessmentStore, 'findAssessment'> },
): Promise<CreditAssessment> {
  // Scoped by the caller's own id, so another customer's assessment is simply not found.
  const assessment = await deps.assessmentStore.findAssessment(command.principal.principalId, command.assessmentId);
  if (assessment === undefined) throw creditError('CREDIT_ASSESSMENT_NOT_FOUND');
  return assessment;
}

/** SIMAH's retry rules are the kernel's, shared with every government integration. */
export const DEFAULT_SIMAH_RETRY_POLICY: GovernmentRetryPolicy = DEFAULT_GOVERNMENT_RETRY_POLICY;

/** A failure that retrying cannot fix; the assessment is settled as FAILED and the message dead-lettered at once. */
export class PermanentAssessmentFailure extends DeadLetterNow {
  constructor(readonly failureReason: AssessmentFailureReason) {
    super(failureReason);
    this.name = 'PermanentAssessmentFailure';
  }
}

const FAILURE_REASONS: Record<GovernmentServiceError['reason'], AssessmentFailureReason> = {
  TIMEOUT: 'SIMAH_TIMEOUT',
  UNAVAILABLE: 'SIMAH_UNAVAILABLE',
  MALFORMED_RESPONSE: 'SIMAH_MALFORMED_RESPONSE',
  REJECTED_REQUEST: 'SIMAH_REJECTED_REQUEST',
  NOT_FOUND: 'SIMAH_REJECTED_REQUEST',
};
const reasonFor = (error: GovernmentServiceError): AssessmentFailureReason => FAILURE_REASONS[error.reason];

export interface RunAssessmentDeps {
  readonly customerStore: Pick<CustomerStore, 'find'>;
  readonly assessmentStore: AssessmentStore;
  readonly cipher: PersonalDataCipher;
  readonly simah: SimahClient;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy: LendingPolicy;
  readonly riskMethod?: RiskMethod;
  readonly retry: GovernmentRetryPolicy;
  readonly sleep: (milliseconds: number) => Promise<void>;
}

export type RunOutcome = 'completed' | 'already-completed' | 'failed-permanently';

/**
 * Runs one assessment. Retryable SIMAH failures are retried with exponential backoff; if they persist the error is
 * rethrown so SQS redelivers, and on the final delivery (`isFinalDelivery`) the assessment is settled as FAILED
 * before the message moves to the DLQ. Permanent failures settle as FAILED at once.
 */
export async function runCreditAssessment(
  command: { readonly assessmentId: string; readonly customerId: string; readonly correlationId: string; readonly isFinalDelivery: boolean },
  deps: RunAssessmentDeps,
): Promise<RunOutcome> {
  const assessment = await deps.assessmentStore.findAssessment(command.customerId, command.assessmentId);
  if (assessment === undefined) throw new Error('Assessment not found for a requested event');
  if (assessment.status === 'COMPLETED') return 'already-completed';
  const customer = await deps.customerStore.find(command.customerId);
  if (customer === undefined) throw new Error('Customer not found for a requested assessment');
  const nationalId = await deps.cipher.decrypt(customer.customerId, 'nationalId', customer.nationalIdCiphertext);

  const settleFailed = async (reasonCode: AssessmentFailureReason): Promise<void> => {
    const failedAt = deps.clock.now();
    await deps.assessmentStore.settleAssessment(
      { ...assessment, status: 'FAILED', failureReason: reasonCode, completedAt: failedAt },
      buildEventEnvelope(CREDIT_EVENTS.creditAssessmentFailed, { assessmentId: assessment.assessmentId, customerId: assessment.customerId, reasonCode, failedAt: failedAt.toISOString() }, {
        eventId: deps.ids.newId(),
        occurredAt: failedAt,
        correlationId: command.correlationId,
      }),
    );
  };

  return callGovernmentService(
    async (): Promise<RunOutcome> => {
      const report = await deps.simah.fetchCreditReport(nationalId, assessment.assessmentId);
      const risk = assessRisk(report, deps.policy, deps.riskMethod);
      const completedAt = deps.clock.now();
      const settled = await deps.assessmentStore.settleAssessment(
        {
          ...assessment,
          status: 'COMPLETED',
          score: report.score,
          grade: report.grade,
          riskCategory: risk.category,
          maximumFinancingHalalas: risk.maximumFinancingHalalas,
          completedAt,
          failureReason: undefined,
        },
        buildEventEnvelope(
          CREDIT_EVENTS.creditAssessmentCompleted,
          { assessmentId: assessment.assessmentId, customerId: assessment.customerId, riskCategory: risk.category, maximumFinancingHalalas: risk.maximumFinancingHalalas, completedAt: completedAt.toISOString() },
          { eventId: deps.ids.newId(), occurredAt: completedAt, correlationId: command.correlationId },
        ),
      );
      return settled ? 'completed' : 'already-completed';
    },
    {
      retry: deps.retry,
      sleep: deps.sleep,
      isFinalDelivery: command.isFinalDelivery,
      settleFailed: (error) => settleFailed(reasonFor(error)),
      permanentFailure: (error) => new PermanentAssessmentFailure(reasonFor(error)),
    },
  );
}

/**
 * ZATCA's verification of an applicant's VAT registration, run by the queue worker under the kernel's government
 * retry rules, as SIMAH and SEC are. A definite answer settles the application (PENDING_REVIEW, or REJECTED with the
 * reason); a check that cannot be completed after every retry settles it as VERIFICATION_FAILED, which a redrive of
 * the dead-lettered message retries.
 */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { DeadLetterNow } from '../../kernel/messaging/dead-letter-now.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { callGovernmentService, type GovernmentRetryPolicy } from '../../kernel/messaging/government-call.ts';
import { CONTRACTORS_EVENTS } from '../api/events.ts';
import { VERIFIABLE_STATUSES } from '../domain/contractor.ts';
import { verificationOutcome } from '../domain/vat-verification.ts';
import type { ContractorStore } from './ports.ts';
import type { ZatcaClient } from './zatca.ts';

export interface VerificationDeps {
  readonly contractorStore: ContractorStore;
  readonly zatca: ZatcaClient;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly retry: GovernmentRetryPolicy;
  readonly sleep: (milliseconds: number) => Promise<void>;
}

/** ZATCA's failure reasons as the application records them. */
export const ZATCA_FAILURE_REASONS: Record<GovernmentServiceError['reason'], string> = {
  TIMEOUT: 'ZATCA_TIMEOUT',
  UNAVAILABLE: 'ZATCA_UNAVAILABLE',
  MALFORMED_RESPONSE: 'ZATCA_MALFORMED_RESPONSE',
  REJECTED_REQUEST: 'ZATCA_REJECTED_REQUEST',
  NOT_FOUND: 'ZATCA_REJECTED_REQUEST',
};

export type VerificationOutcome = 'verified' | 'rejected' | 'already-settled';

export async function verifyContractorVat(command: { readonly contractorId: string; readonly correlationId: string; readonly isFinalDelivery: boolean }, deps: VerificationDeps): Promise<VerificationOutcome> {
  const current = await deps.contractorStore.findContractor(command.contractorId);
  if (current === undefined) throw new Error('Contractor not found for an application event');
  if (!VERIFIABLE_STATUSES.includes(current.contractor.status)) return 'already-settled';
  const { contractor } = current;

  const settleFailed = async (error: GovernmentServiceError): Promise<void> => {
    const failedAt = deps.clock.now();
    await deps.contractorStore.changeStatus({
      current,
      from: VERIFIABLE_STATUSES,
      to: 'VERIFICATION_FAILED',
      set: { statusReason: ZATCA_FAILURE_REASONS[error.reason] },
      audit: { action: 'CONTRACTOR_VERIFICATION_FAILED', actor: 'zatca-worker', occurredAt: failedAt.toISOString(), facts: { reasonCode: ZATCA_FAILURE_REASONS[error.reason] } },
      events: [],
    });
  };

  return callGovernmentService(
    async (): Promise<VerificationOutcome> => {
      const registration = await deps.zatca.verifyVatRegistration(contractor.vatNumber, contractor.unifiedNumber);
      const outcome = verificationOutcome(registration, contractor.unifiedNumber);
      const settledAt = deps.clock.now();
      const facts = newEventFacts(deps.ids, command.correlationId, settledAt);
      const settled =
        outcome.kind === 'VERIFIED'
          ? await deps.contractorStore.changeStatus({
              current,
              from: VERIFIABLE_STATUSES,
              to: 'PENDING_REVIEW',
              set: { verifiedAt: settledAt },
              audit: { action: 'CONTRACTOR_VAT_VERIFIED', actor: 'zatca-worker', occurredAt: settledAt.toISOString(), facts: {} },
              events: [outboundEvent(CONTRACTORS_EVENTS.contractorVerified, { contractorId: contractor.contractorId, verifiedAt: settledAt.toISOString() }, facts)],
            })
          : await deps.contractorStore.changeStatus({
              current,
              from: VERIFIABLE_STATUSES,
              to: 'REJECTED',
              set: { statusReason: outcome.reasonCode },
              audit: { action: 'CONTRACTOR_VAT_REJECTED', actor: 'zatca-worker', occurredAt: settledAt.toISOString(), facts: { reasonCode: outcome.reasonCode } },
              events: [outboundEvent(CONTRACTORS_EVENTS.contractorRejected, { contractorId: contractor.contractorId, reasonCode: outcome.reasonCode, rejectedAt: settledAt.toISOString() }, facts)],
            });
      if (!settled) return 'already-settled';
      return outcome.kind === 'VERIFIED' ? 'verified' : 'rejected';
    },
    {
      retry: deps.retry,
      sleep: deps.sleep,
      isFinalDelivery: command.isFinalDelivery,
      settleFailed,
      permanentFailure: (error) => new DeadLetterNow(ZATCA_FAILURE_REASONS[error.reason]),
    },
  );
}

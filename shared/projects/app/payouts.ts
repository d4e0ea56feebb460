/**
 * Paying contractors. The payouts worker instructs the payout provider (the bank) for each REQUESTED disbursement;
 * the provider keys transfers by our disbursement id, so a redelivered instruction never pays twice. The provider's
 * signed webhook then reports each transfer SETTLED or FAILED, and later perhaps RETURNED. Every outcome is applied
 * once (its event id is recorded in the same transaction) and only from the status it follows; every money movement
 * is journaled on the contractor's ledger and changes its payable, which is never negative.
 */
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { DeadLetterNow } from '../../kernel/messaging/dead-letter-now.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { callGovernmentService, type GovernmentRetryPolicy } from '../../kernel/messaging/government-call.ts';
import { disbursementFailedJournal, disbursementReturnedJournal, disbursementSentJournal, disbursementSettledJournal, type Journal } from '../../ledger/index.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import { projectsError } from '../api/error-codes.ts';
import { decideOutcome, holdForIbanChange, markSent, parseDisbursementId, type Disbursement, type LedgerMovement, type PayoutOutcome } from '../domain/disbursement.ts';
import { reopenReturnedDisbursement, settleDisbursement, type Project } from '../domain/project.ts';
import type { PayoutDeps, ProjectDeps } from './project-deps.ts';
import type { ContractorMoneyMovement } from './ports.ts';

export type InstructionOutcome = 'sent' | 'already-instructed' | 'refused-by-provider' | 'not-requested' | 'held-for-iban-change';

const disbursementFacts = (disbursement: Disbursement) => ({
  disbursementId: disbursement.disbursementId,
  projectId: disbursement.projectId,
  contractorId: disbursement.contractorId,
  milestone: disbursement.milestone,
  amountHalalas: disbursement.amountHalalas,
});

const postedOn = (journal: Journal, description: string, journalId: string, postedAt: Date) => ({ journalId, description, postedAt, entries: journal.entries });

/**
 * Instructs one transfer. A retryable failure is retried under the kernel's rules and, on the last delivery, left
 * REQUESTED for the dead-letter queue's alarm and a redrive: a timeout does not say the bank did not pay, so it is
 * never recorded as a failure. A definite refusal is recorded as FAILED (the money never left the payable).
 */
export async function instructDisbursement(
  command: { readonly projectId: string; readonly disbursementId: string; readonly contractorId: string; readonly correlationId: string; readonly isFinalDelivery: boolean },
  deps: PayoutDeps & { readonly retry: GovernmentRetryPolicy; readonly sleep: (milliseconds: number) => Promise<void> },
): Promise<InstructionOutcome> {
  const { disbursement, ibanCiphertext, payoutsHeld } = await deps.projectStore.loadForInstruction(command.projectId, command.disbursementId, command.contractorId);
  if (disbursement === undefined) throw new Error(`Disbursement ${command.disbursementId} not found for its request event`);
  if (disbursement.status !== 'REQUESTED') return 'not-requested';
  if (payoutsHeld) {
    // Parked until the IBAN change is decided; the decision's event releases every held disbursement of the contractor.
    const held = holdForIbanChange(disbursement, deps.clock.now());
    if (held !== undefined) await deps.projectStore.commitDisbursementChange({ before: disbursement, after: held, providerEventId: undefined, money: undefined, project: undefined, events: [] });
    return 'held-for-iban-change';
  }
  if (ibanCiphertext === undefined) throw new Error(`Contractor ${disbursement.contractorId} has no IBAN on file`);
  const iban = await deps.cipher.decrypt(disbursement.contractorId, 'iban', ibanCiphertext);

  const settleRefused = async (error: GovernmentServiceError): Promise<void> => {
    // Only a definite refusal is final; an ambiguous failure stays REQUESTED (see above).
    if (error.retryable) return;
    const now = deps.clock.now();
    const decision = decideOutcome(disbursement, 'FAILED', now, `PROVIDER_${error.reason}`);
    if (decision.kind !== 'apply') return;
    await applyOutcome(disbursement, decision.disbursement, decision.movement, undefined, undefined, command.correlationId, now, deps);
  };

  return callGovernmentService(
    async (): Promise<InstructionOutcome> => {
      const acknowledgement = await deps.payoutProvider.instructTransfer({
        disbursementId: disbursement.disbursementId,
        amountHalalas: disbursement.amountHalalas,
        iban,
        // What the contractor's bank statement shows: our reference only, nothing personal.
        reference: `RABHAN ${disbursement.disbursementId}`,
      });
      const now = deps.clock.now();
      const sent = markSent(disbursement, acknowledgement.providerTransferId, now);
      if (sent === undefined) return 'not-requested';
      const committed = await deps.projectStore.commitDisbursementChange({
        before: disbursement,
        after: sent,
        providerEventId: undefined,
        money: {
          contractorId: disbursement.contractorId,
          journal: postedOn(disbursementSentJournal(disbursement.amountHalalas), `Disbursement ${disbursement.disbursementId} sent`, deps.ids.newId(), now),
          payableDeltaHalalas: -disbursement.amountHalalas,
          paidDeltaHalalas: disbursement.amountHalalas,
        },
        project: undefined,
        events: [outboundEvent(PROJECTS_EVENTS.disbursementSent, { ...disbursementFacts(disbursement), providerTransferId: acknowledgement.providerTransferId, sentAt: now.toISOString() }, newEventFacts(deps.ids, command.correlationId, now))],
      });
      if (committed === 'stale') return 'not-requested';
      return acknowledgement.alreadyInstructed ? 'already-instructed' : 'sent';
    },
    {
      retry: deps.retry,
      sleep: deps.sleep,
      isFinalDelivery: command.isFinalDelivery,
      settleFailed: settleRefused,
      permanentFailure: (error) => new DeadLetterNow(`PAYOUT_PROVIDER_${error.reason}`),
    },
  );
}

const MOVEMENTS: Readonly<Record<Exclude<LedgerMovement, 'NONE' | 'PAYABLE_TO_CLEARING'>, { journal: (amountHalalas: number) => Journal; payableSign: 0 | 1; label: string }>> = {
  CLEARING_TO_BANK: { journal: disbursementSettledJournal, payableSign: 0, label: 'settled' },
  CLEARING_TO_PAYABLE: { journal: disbursementFailedJournal, payableSign: 1, label: 'failed; owed to the contractor again' },
  BANK_TO_PAYABLE: { journal: disbursementReturnedJournal, payableSign: 1, label: 'returned; owed to the contractor again' },
};

function moneyOf(before: Disbursement, movement: LedgerMovement, journalId: string, now: Date): ContractorMoneyMovement | undefined {
  if (movement === 'NONE' || movement === 'PAYABLE_TO_CLEARING') return undefined;
  const { journal, payableSign, label } = MOVEMENTS[movement];
  const amount = before.amountHalalas;
  return {
    contractorId: before.contractorId,
    journal: postedOn(journal(amount), `Disbursement ${before.disbursementId} ${label}`, journalId, now),
    payableDeltaHalalas: payableSign * amount,
    paidDeltaHalalas: -payableSign * amount,
  };
}

async function applyOutcome(
  before: Disbursement,
  after: Disbursement,
  movement: LedgerMovement,
  project: Project | undefined,
  providerEventId: string | undefined,
  correlationId: string,
  now: Date,
  deps: Pick<ProjectDeps, 'projectStore' | 'ids'>,
): Promise<'committed' | 'duplicate' | 'stale'> {
  const facts = () => newEventFacts(deps.ids, correlationId, now);
  const events: OutboundEvent[] = [];
  let projectChange;
  if (after.status === 'SETTLED') {
    events.push(outboundEvent(PROJECTS_EVENTS.disbursementSettled, { ...disbursementFacts(after), settledAt: now.toISOString() }, facts()));
    if (project !== undefined) {
      const settled = settleDisbursement(project, now);
      if (settled.status === 'COMPLETED') {
        events.push(outboundEvent(PROJECTS_EVENTS.projectCompleted, { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, totalHalalas: project.totalHalalas, completedAt: now.toISOString() }, facts()));
      }
      projectChange = {
        before: project,
        after: settled,
        audit: { action: settled.status === 'COMPLETED' ? 'PROJECT_COMPLETED' : 'DISBURSEMENT_SETTLED', actor: 'payout-provider', occurredAt: now.toISOString(), facts: { disbursementId: after.disbursementId, amountHalalas: after.amountHalalas } },
        events: [],
      };
    }
  } else if (after.status === 'FAILED') {
    events.push(outboundEvent(PROJECTS_EVENTS.disbursementFailed, { ...disbursementFacts(after), reason: after.failureReason ?? 'UNKNOWN', failedAt: now.toISOString() }, facts()));
  } else if (after.status === 'RETURNED') {
    events.push(outboundEvent(PROJECTS_EVENTS.disbursementReturned, { ...disbursementFacts(after), reason: after.failureReason ?? 'UNKNOWN', returnedAt: now.toISOString() }, facts()));
    if (project !== undefined) {
      projectChange = {
        before: project,
        after: reopenReturnedDisbursement(project),
        audit: { action: 'DISBURSEMENT_RETURNED', actor: 'payout-provider', occurredAt: now.toISOString(), facts: { disbursementId: after.disbursementId, amountHalalas: after.amountHalalas } },
        events: [],
      };
    }
  }
  return deps.projectStore.commitDisbursementChange({ before, after, providerEventId, money: moneyOf(before, movement, deps.ids.newId(), now), project: projectChange, events });
}

export interface PayoutNotification {
  readonly providerEventId: string;
  readonly type: 'transfer.sent' | 'transfer.settled' | 'transfer.failed' | 'transfer.returned';
  readonly transferId: string;
  readonly amountHalalas: number;
  readonly reason: string | undefined;
  readonly correlationId: string;
}

/**
 * `needs-attention`: the outcome contradicts what we recorded, or money came back (failed after sending, returned
 * after settling): the caller pages ops, since the contractor is owed that money again.
 */
export type PayoutNotificationResult = 'applied' | 'duplicate' | 'already-applied' | 'acknowledged' | 'needs-attention';

const OUTCOMES: Readonly<Record<Exclude<PayoutNotification['type'], 'transfer.sent'>, PayoutOutcome>> = {
  'transfer.settled': 'SETTLED',
  'transfer.failed': 'FAILED',
  'transfer.returned': 'RETURNED',
};

export async function receivePayoutOutcome(notification: PayoutNotification, deps: Pick<ProjectDeps, 'projectStore' | 'clock' | 'ids'>): Promise<PayoutNotificationResult> {
  // SENT is recorded when the provider acknowledges our instruction; its echo changes nothing.
  if (notification.type === 'transfer.sent') return 'acknowledged';
  const named = parseDisbursementId(notification.transferId);
  if (named === undefined) throw projectsError('DISBURSEMENT_NOT_FOUND');
  const { project, disbursement, eventSeen } = await deps.projectStore.loadForPayoutOutcome(named.projectId, notification.transferId, notification.providerEventId);
  if (eventSeen) return 'duplicate';
  if (disbursement === undefined) throw projectsError('DISBURSEMENT_NOT_FOUND');
  if (disbursement.amountHalalas !== notification.amountHalalas) return 'needs-attention';
  const now = deps.clock.now();
  const decision = decideOutcome(disbursement, OUTCOMES[notification.type], now, notification.reason);
  // Ahead of what we recorded (a settlement before our SENT committed): the provider must deliver it again.
  if (decision.kind === 'retry-later') throw kernelError('RETRY_DELIVERY_LATER', { headers: { 'Retry-After': '5' } });
  if (decision.kind !== 'apply') return decision.kind === 'already' ? 'already-applied' : 'needs-attention';
  const committed = await applyOutcome(disbursement, decision.disbursement, decision.movement, project, notification.providerEventId, notification.correlationId, now, deps);
  if (committed === 'duplicate') return 'duplicate';
  if (committed === 'stale') throw kernelError('CONCURRENT_UPDATE', { headers: { 'Retry-After': '1' } });
  return decision.movement === 'CLEARING_TO_PAYABLE' || decision.movement === 'BANK_TO_PAYABLE' ? 'needs-attention' : 'applied';
}

/** Held disbursements released per page; a contractor rarely has more than a milestone's transfers waiting. */
export const HELD_PAYOUTS_PAGE_SIZE = 40;

/**
 * A change of the contractor's IBAN was decided with four eyes: every disbursement held meanwhile is instructed now,
 * to the IBAN on file after the decision. One failing instruction does not stop the others; the queue retries the
 * event, and disbursements already sent are skipped.
 */
export async function releaseHeldPayouts(
  command: { readonly contractorId: string; readonly correlationId: string; readonly isFinalDelivery: boolean },
  deps: Parameters<typeof instructDisbursement>[1],
): Promise<{ readonly released: number; readonly failed: number }> {
  let released = 0;
  const failures: unknown[] = [];
  for await (const held of deps.projectStore.listHeldDisbursements(command.contractorId, HELD_PAYOUTS_PAGE_SIZE)) {
    try {
      await instructDisbursement({ projectId: held.projectId, disbursementId: held.disbursementId, contractorId: held.contractorId, correlationId: command.correlationId, isFinalDelivery: command.isFinalDelivery }, deps);
      released += 1;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} held payouts of contractor ${command.contractorId} were not instructed`);
  return { released, failed: 0 };
}

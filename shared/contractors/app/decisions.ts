/**
 * Pre-qualification by staff, with four eyes: an ops user proposes APPROVE, REJECT or SUSPEND, and it takes effect
 * only when a different staff user confirms it. One decision may wait at a time. Both steps are audited in the
 * contractor's chain, and the confirmed outcome is published.
 */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { contractorsError } from '../api/error-codes.ts';
import { CONTRACTORS_EVENTS } from '../api/events.ts';
import { checkProposal, confirmDecision, DECISION_TRANSITIONS, type ContractorDecision, type ContractorDecisionKind, type ContractorStatus } from '../domain/contractor.ts';
import type { ContractorStore } from './ports.ts';

export interface DecisionDeps {
  readonly contractorStore: ContractorStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface DecisionReading {
  readonly decision: ContractorDecision;
  readonly contractorStatus: ContractorStatus;
}

export async function proposeContractorDecision(
  command: { readonly principal: Principal; readonly contractorId: string; readonly decision: ContractorDecisionKind; readonly reason: string },
  deps: DecisionDeps,
): Promise<DecisionReading> {
  const current = await deps.contractorStore.findContractor(command.contractorId);
  if (current === undefined) throw contractorsError('CONTRACTOR_NOT_FOUND');
  const check = checkProposal(current.contractor.status, command.decision);
  if (check.kind === 'refused') throw contractorsError(check.code);
  const now = deps.clock.now();
  const decision: ContractorDecision = {
    decisionId: deps.ids.newId(),
    contractorId: command.contractorId,
    decision: command.decision,
    reason: command.reason,
    proposedBy: command.principal.principalId,
    proposedAt: now,
    status: 'PENDING_CONFIRMATION',
  };
  const outcome = await deps.contractorStore.proposeDecision({
    current,
    decision,
    allowedFrom: DECISION_TRANSITIONS[command.decision].from,
    audit: { action: 'CONTRACTOR_DECISION_PROPOSED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { decisionId: decision.decisionId, decision: decision.decision, reason: decision.reason } },
  });
  if (outcome === 'already-pending') throw contractorsError('CONTRACTOR_DECISION_PENDING');
  if (outcome === 'status-changed') throw contractorsError('CONTRACTOR_STATUS_CONFLICT');
  if (outcome === 'concurrent-update') throw kernelError('CONCURRENT_UPDATE');
  return { decision, contractorStatus: current.contractor.status };
}

export async function confirmContractorDecision(
  command: { readonly principal: Principal; readonly contractorId: string; readonly decisionId: string; readonly correlationId: string },
  deps: DecisionDeps,
): Promise<DecisionReading> {
  const [current, decision] = await Promise.all([deps.contractorStore.findContractor(command.contractorId), deps.contractorStore.findDecision(command.contractorId, command.decisionId)]);
  if (current === undefined) throw contractorsError('CONTRACTOR_NOT_FOUND');
  if (decision === undefined) throw contractorsError('CONTRACTOR_DECISION_NOT_FOUND');
  const now = deps.clock.now();
  const check = confirmDecision(decision, current.contractor.status, { confirmedBy: command.principal.principalId, confirmedAt: now });
  if (check.kind === 'refused') throw check.code === 'FOUR_EYES_REQUIRED' ? kernelError('FOUR_EYES_REQUIRED') : contractorsError(check.code);
  const outcome = await deps.contractorStore.confirmDecision({
    current,
    decision: check.decision,
    newStatus: check.newStatus,
    audit: {
      action: 'CONTRACTOR_DECISION_CONFIRMED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { decisionId: decision.decisionId, decision: decision.decision, proposedBy: decision.proposedBy, newStatus: check.newStatus },
    },
    events: [decisionEvent(check.decision, current.contractor.cityIds, newEventFacts(deps.ids, command.correlationId, now))],
  });
  if (outcome === 'not-pending') throw contractorsError('CONTRACTOR_DECISION_NOT_PENDING');
  if (outcome === 'concurrent-update') throw kernelError('CONCURRENT_UPDATE');
  return { decision: check.decision, contractorStatus: check.newStatus };
}

function decisionEvent(decision: ContractorDecision, cityIds: readonly string[], facts: Parameters<typeof outboundEvent>[2]): OutboundEvent {
  const decided = {
    contractorId: decision.contractorId,
    decisionId: decision.decisionId,
    reason: decision.reason,
    proposedBy: decision.proposedBy,
    confirmedBy: decision.confirmedBy!,
    decidedAt: decision.confirmedAt!.toISOString(),
  };
  switch (decision.decision) {
    case 'APPROVE':
      return outboundEvent(CONTRACTORS_EVENTS.contractorApproved, { ...decided, cityIds: [...cityIds] }, facts);
    case 'SUSPEND':
      return outboundEvent(CONTRACTORS_EVENTS.contractorSuspended, decided, facts);
    case 'REJECT':
      return outboundEvent(CONTRACTORS_EVENTS.contractorRejected, { contractorId: decision.contractorId, reasonCode: 'STAFF_DECISION', decisionId: decision.decisionId, rejectedAt: decided.decidedAt }, facts);
  }
}

/**
 * Changing a contractor's payout IBAN with four eyes. The administrator asks (the new IBAN encrypted, only its mask
 * shown); an ops user proposes to approve or reject it with a reason; a different staff user confirms, and only then
 * does the IBAN change. The contractor's payouts are held from the request until the decision, so a transfer never
 * goes to an account that one person alone put on file. Every step is audited in the contractor's chain.
 */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { maskIban, parseSaudiIban } from '../../kernel/iban.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { contractorsError } from '../api/error-codes.ts';
import { CONTRACTORS_EVENTS } from '../api/events.ts';
import { confirmIbanChangeDecision, proposeIbanChangeDecision, type IbanChange, type IbanChangeDecision } from '../domain/iban-change.ts';
import type { ContractorStore, ContractorWithAudit } from './ports.ts';

export interface IbanChangeDeps {
  readonly contractorStore: ContractorStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

async function administeredContractor(principal: Principal, store: ContractorStore): Promise<ContractorWithAudit> {
  const membership = await store.findMembership(principal.principalId);
  if (membership === undefined) throw contractorsError('CONTRACTOR_MEMBERSHIP_REQUIRED');
  if (membership.memberRole !== 'ADMINISTRATOR') throw contractorsError('CONTRACTOR_ADMINISTRATOR_REQUIRED');
  const current = await store.findContractor(membership.contractorId);
  if (current === undefined) throw contractorsError('CONTRACTOR_NOT_FOUND');
  return current;
}

export async function requestIbanChange(
  command: { readonly principal: Principal; readonly iban: string },
  deps: IbanChangeDeps & { readonly cipher: Pick<PersonalDataCipher, 'encrypt'> },
): Promise<IbanChange> {
  const parsed = parseSaudiIban(command.iban);
  // The contract admits only the IBAN format with a known bank code; what remains is the check digits.
  if (!parsed.ok) throw contractorsError('IBAN_CHECKSUM_INVALID', { details: [{ field: 'body.iban', issue: 'the MOD-97 check digits do not match' }] });
  const current = await administeredContractor(command.principal, deps.contractorStore);
  if (current.contractor.pendingIbanChangeId !== undefined) throw contractorsError('IBAN_CHANGE_PENDING');
  const { contractorId } = current.contractor;
  const now = deps.clock.now();
  const change: IbanChange = {
    changeId: deps.ids.newId(),
    contractorId,
    ibanCiphertext: await deps.cipher.encrypt(contractorId, 'iban', parsed.iban),
    maskedIban: maskIban(parsed.iban),
    requestedBy: command.principal.principalId,
    requestedAt: now,
    status: 'PENDING_REVIEW',
  };
  const outcome = await deps.contractorStore.requestIbanChange({
    current,
    change,
    // The audit names the change and its mask, never the IBAN.
    audit: { action: 'IBAN_CHANGE_REQUESTED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { changeId: change.changeId, payoutsHeld: true } },
  });
  if (outcome === 'already-pending') throw contractorsError('IBAN_CHANGE_PENDING');
  return change;
}

async function staffStep(contractorId: string, changeId: string, store: ContractorStore): Promise<{ current: ContractorWithAudit; change: IbanChange }> {
  const [current, change] = await Promise.all([store.findContractor(contractorId), store.findIbanChange(contractorId, changeId)]);
  if (current === undefined) throw contractorsError('CONTRACTOR_NOT_FOUND');
  if (change === undefined) throw contractorsError('IBAN_CHANGE_NOT_FOUND');
  return { current, change };
}

export async function proposeIbanChange(
  command: { readonly principal: Principal; readonly contractorId: string; readonly changeId: string; readonly decision: IbanChangeDecision; readonly reason: string },
  deps: IbanChangeDeps,
): Promise<IbanChange> {
  const { current, change } = await staffStep(command.contractorId, command.changeId, deps.contractorStore);
  const now = deps.clock.now();
  const check = proposeIbanChangeDecision(change, { decision: command.decision, reason: command.reason, proposedBy: command.principal.principalId, proposedAt: now });
  if (check.kind === 'refused') throw contractorsError('IBAN_CHANGE_NOT_PENDING');
  const outcome = await deps.contractorStore.decideIbanChange({
    current,
    before: change,
    after: check.change,
    outcome: 'proposed',
    audit: { action: 'IBAN_CHANGE_PROPOSED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { changeId: change.changeId, decision: command.decision, reason: command.reason } },
    events: [],
  });
  if (outcome === 'not-pending') throw contractorsError('IBAN_CHANGE_NOT_PENDING');
  return check.change;
}

export async function confirmIbanChange(command: { readonly principal: Principal; readonly contractorId: string; readonly changeId: string; readonly correlationId: string }, deps: IbanChangeDeps): Promise<IbanChange> {
  const { current, change } = await staffStep(command.contractorId, command.changeId, deps.contractorStore);
  const now = deps.clock.now();
  const check = confirmIbanChangeDecision(change, { confirmedBy: command.principal.principalId, confirmedAt: now });
  if (check.kind === 'refused') throw check.code === 'FOUR_EYES_REQUIRED' ? kernelError('FOUR_EYES_REQUIRED') : contractorsError(check.code);
  const approved = change.proposal?.decision === 'APPROVE';
  const outcome = await deps.contractorStore.decideIbanChange({
    current,
    before: change,
    after: check.change,
    outcome: approved ? 'approved' : 'rejected',
    audit: {
      action: approved ? 'IBAN_CHANGED' : 'IBAN_CHANGE_REJECTED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { changeId: change.changeId, proposedBy: change.proposal!.proposedBy, payoutsHeld: false },
    },
    events: [
      outboundEvent(
        CONTRACTORS_EVENTS.contractorPayoutsReleased,
        { contractorId: change.contractorId, changeId: change.changeId, decision: approved ? 'APPROVE' : 'REJECT', releasedAt: now.toISOString() },
        newEventFacts(deps.ids, command.correlationId, now),
      ),
    ],
  });
  if (outcome === 'not-pending') throw contractorsError('IBAN_CHANGE_NOT_PENDING');
  return check.change;
}

/**
 * Contractor applications and a contractor's own view. Applying records the company, its encrypted IBAN, the
 * applicant as its administrator and an outbox event in one transaction; ZATCA's verification follows from the
 * event (verification.ts).
 */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotentOutcome, type IdempotentRequest } from '../../kernel/idempotency/idempotency.ts';
import { maskIban, parseSaudiIban } from '../../kernel/iban.ts';
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import { contractorsError } from '../api/error-codes.ts';
import { CONTRACTORS_EVENTS } from '../api/events.ts';
import type { Contractor, MemberRole } from '../domain/contractor.ts';
import type { ContractorStore } from './ports.ts';

export interface ContractorApplication {
  readonly legalName: { readonly ar: string; readonly en: string };
  readonly unifiedNumber: string;
  readonly vatNumber: string;
  readonly iban: string;
  readonly certificateNumber: string;
  readonly cityIds: readonly string[];
  /** Already normalised to E.164 by the contract. */
  readonly businessPhone: string;
  readonly businessEmail: string;
}

export interface ApplicationDeps {
  readonly contractorStore: ContractorStore;
  readonly cipher: Pick<PersonalDataCipher, 'encrypt'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export async function applyAsContractor(
  command: { readonly principal: Principal; readonly application: ContractorApplication; readonly correlationId: string; readonly idempotency: IdempotentRequest<Contractor> },
  deps: ApplicationDeps,
): Promise<IdempotentOutcome<Contractor>> {
  const principalId = command.principal.principalId;
  const now = deps.clock.now();
  const { membership, idempotency } = await deps.contractorStore.loadForApplication(principalId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (membership !== undefined) throw contractorsError('CONTRACTOR_MEMBERSHIP_EXISTS');
  const iban = parseSaudiIban(command.application.iban);
  // The contract admits only the IBAN format with a known bank code; what remains is the check digits.
  if (!iban.ok) throw contractorsError('IBAN_CHECKSUM_INVALID', { details: [{ field: 'body.iban', issue: 'the MOD-97 check digits do not match' }] });

  const contractorId = deps.ids.newId();
  const { application } = command;
  const contractor: Contractor = {
    contractorId,
    status: 'SUBMITTED',
    legalName: application.legalName,
    unifiedNumber: application.unifiedNumber,
    vatNumber: application.vatNumber,
    ibanCiphertext: await deps.cipher.encrypt(contractorId, 'iban', iban.iban),
    maskedIban: maskIban(iban.iban),
    certificateNumber: application.certificateNumber,
    cityIds: [...application.cityIds],
    businessPhone: application.businessPhone,
    businessEmail: application.businessEmail,
    administratorPrincipalId: principalId,
    appliedAt: now,
  };
  const outcome = await deps.contractorStore.createContractor({
    contractor,
    audit: { action: 'CONTRACTOR_APPLIED', actor: principalId, occurredAt: now.toISOString(), facts: { contractorId, vatNumber: contractor.vatNumber, unifiedNumber: contractor.unifiedNumber } },
    event: outboundEvent(
      CONTRACTORS_EVENTS.contractorApplied,
      { contractorId, vatNumber: contractor.vatNumber, unifiedNumber: contractor.unifiedNumber, cityIds: [...contractor.cityIds], appliedAt: now.toISOString() },
      newEventFacts(deps.ids, command.correlationId, now),
    ),
    idempotency: { scope: command.idempotency, response: command.idempotency.replyTo(contractor) },
  });
  if (outcome === 'already-registered') throw contractorsError('CONTRACTOR_ALREADY_REGISTERED');
  if (outcome === 'already-member') throw contractorsError('CONTRACTOR_MEMBERSHIP_EXISTS');
  return { kind: 'performed', value: contractor };
}

export interface OwnContractor {
  readonly contractor: Contractor;
  readonly memberRole: MemberRole;
}

/** The contractor the caller acts for; someone who acts for none is told so, with no hint of any other. */
export async function getOwnContractor(
  principal: Principal,
  deps: { readonly contractorStore: Pick<ContractorStore, 'findMembership' | 'findContractor' | 'activateInvitedMember'>; readonly clock: Clock },
): Promise<OwnContractor> {
  // A member invited by national ID becomes active on their first request after signing in with NAFATH.
  const membership = (await deps.contractorStore.findMembership(principal.principalId)) ?? (await deps.contractorStore.activateInvitedMember(principal.principalId, deps.clock.now()));
  if (membership === undefined) throw contractorsError('CONTRACTOR_MEMBERSHIP_REQUIRED');
  const found = await deps.contractorStore.findContractor(membership.contractorId);
  if (found === undefined) throw new Error('A membership names a contractor that does not exist');
  return { contractor: found.contractor, memberRole: membership.memberRole };
}

export async function getContractorForStaff(contractorId: string, deps: { readonly contractorStore: Pick<ContractorStore, 'findContractor'> }): Promise<Contractor> {
  const found = await deps.contractorStore.findContractor(contractorId);
  if (found === undefined) throw contractorsError('CONTRACTOR_NOT_FOUND');
  return found.contractor;
}

/**
 * A contractor's members. The administrator invites a person by national ID; the invitation is keyed by the blind
 * index of that ID and holds only its ciphertext, and it becomes a membership when that person, signed in with
 * NAFATH, first opens their contractor (applications.ts, getOwnContractor).
 */
import type { Clock } from '../../kernel/clock-and-ids.ts';
import type { BlindIndexer, PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { contractorsError } from '../api/error-codes.ts';
import type { ContractorStore } from './ports.ts';

export interface MemberDeps {
  readonly contractorStore: Pick<ContractorStore, 'findMembership' | 'inviteMember'>;
  readonly cipher: Pick<PersonalDataCipher, 'encrypt'>;
  readonly blindIndexer: BlindIndexer;
  readonly clock: Clock;
}

export async function inviteMember(command: { readonly principal: Principal; readonly nationalId: string }, deps: MemberDeps): Promise<{ readonly contractorId: string; readonly invitedAt: Date }> {
  const membership = await deps.contractorStore.findMembership(command.principal.principalId);
  if (membership === undefined) throw contractorsError('CONTRACTOR_MEMBERSHIP_REQUIRED');
  if (membership.memberRole !== 'ADMINISTRATOR') throw contractorsError('CONTRACTOR_ADMINISTRATOR_REQUIRED');
  const invitedAt = deps.clock.now();
  const [nationalIdBlindIndex, nationalIdCiphertext] = await Promise.all([
    deps.blindIndexer.indexOf('national-id', command.nationalId),
    deps.cipher.encrypt(membership.contractorId, 'nationalId', command.nationalId),
  ]);
  const outcome = await deps.contractorStore.inviteMember({ contractorId: membership.contractorId, nationalIdBlindIndex, nationalIdCiphertext, invitedBy: command.principal.principalId, invitedAt });
  if (outcome === 'already-invited') throw contractorsError('CONTRACTOR_MEMBER_ALREADY_INVITED');
  return { contractorId: membership.contractorId, invitedAt };
}

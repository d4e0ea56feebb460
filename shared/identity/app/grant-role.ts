/**
 * Operators grant staff roles with an audited command (bin/grant-role.ts). The person is named by national ID,
 * which is only ever used to compute the blind index; the grant is recorded on the principal's audit chain.
 */
import { parseNationalId } from '../../kernel/national-id.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { Role } from '../../kernel/http/roles.ts';
import type { BlindIndexer, PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { IdentityStore } from './identity-store.ts';

export async function grantRole(
  command: { readonly nationalId: string; readonly role: Role; readonly grantedBy: string; readonly reason: string },
  deps: { readonly identityStore: IdentityStore; readonly blindIndexer: BlindIndexer; readonly cipher: PersonalDataCipher; readonly clock: Clock; readonly ids: IdGenerator },
): Promise<{ readonly principalId: string }> {
  const nationalId = parseNationalId(command.nationalId);
  if (nationalId === undefined) throw new Error('The national ID is not valid');
  const blindIndex = await deps.blindIndexer.indexOf('national-id', nationalId.value);
  const occurredAt = deps.clock.now().toISOString();
  const audit = { action: 'ROLE_GRANTED', actor: command.grantedBy, occurredAt, facts: { role: command.role, reason: command.reason } };

  let principalId = await deps.identityStore.findPrincipalIdByBlindIndex(blindIndex);
  if (principalId === undefined) {
    // Staff may be enrolled before their first NAFATH sign-in; the principal is created with the role.
    const newPrincipalId = deps.ids.newId();
    const created = await deps.identityStore.createPrincipal(
      {
        principalId: newPrincipalId,
        roles: [command.role],
        nationalIdKind: nationalId.kind,
        nationalIdCiphertext: await deps.cipher.encrypt(newPrincipalId, 'nationalId', nationalId.value),
        nationalIdBlindIndex: blindIndex,
      },
      audit,
    );
    if (created) return { principalId: newPrincipalId };
    principalId = await deps.identityStore.findPrincipalIdByBlindIndex(blindIndex);
  }
  const principal = principalId === undefined ? undefined : await deps.identityStore.findPrincipal(principalId);
  if (principal === undefined) throw new Error('The principal vanished while granting a role');
  if (!principal.roles.includes(command.role)) await deps.identityStore.grantRole({ principal, role: command.role, audit });
  return { principalId: principal.principalId };
}

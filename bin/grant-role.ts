/**
 * Operator command: grants a staff role to the person with a national ID, recording who granted it and why on
 * the person's audit chain. Run with the deployment's TABLE_NAME, PII_KEY_ARN and BLIND_INDEX_KEY_ID set and AWS
 * credentials allowed to use them:
 *
 *   npx tsx bin/grant-role.ts --national-id 1XXXXXXXXX --role ops --granted-by <operator principal or name> --reason "<ticket>"
 */
import { parseArgs } from 'node:util';
import { blindIndexer, clock, identityStore, ids, personalDataCipher } from '../shared/composition/adapters.ts';
import { ROLES, type Role } from '../shared/platform/roles.ts';
import { grantRole } from '../shared/use-cases/auth/grant-role.ts';

const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'customer');

const { values } = parseArgs({
  options: {
    'national-id': { type: 'string' },
    role: { type: 'string' },
    'granted-by': { type: 'string' },
    reason: { type: 'string' },
  },
});

const role = values.role as Role | undefined;
if (values['national-id'] === undefined || role === undefined || !STAFF_ROLES.includes(role) || values['granted-by'] === undefined || values.reason === undefined) {
  console.error(`Usage: grant-role --national-id <10 digits> --role <${STAFF_ROLES.join('|')}> --granted-by <who> --reason <why>`);
  process.exit(2);
}

const { principalId } = await grantRole(
  { nationalId: values['national-id'], role, grantedBy: values['granted-by'], reason: values.reason },
  { identityStore: identityStore(), blindIndexer: blindIndexer(), cipher: personalDataCipher(), clock, ids },
);
process.stderr.write(`Granted ${role} to principal ${principalId}\n`);

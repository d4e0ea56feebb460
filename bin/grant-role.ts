/**
 * Operator command: grants a staff role to the person with a national ID, recording who granted it and why on
 * the person's audit chain. Run with the deployment's TABLE_NAME, PII_KEY_ARN and BLIND_INDEX_KEY_ID set and AWS
 * credentials allowed to use them:
 *
 *   npm run grant-role -- --role ops --granted-by <operator principal or name> --reason "<ticket>"
 *
 * The national ID is read from standard input (typed at the prompt, or piped), never from the command line, where
 * it would land in shell history and in every process listing.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { clock, identityStore, ids } from '../shared/identity/compose.ts';
import { blindIndexer, personalDataCipher } from '../shared/kernel/crypto/compose.ts';
import { ROLES, type Role } from '../shared/kernel/http/roles.ts';
import { grantRole } from '../shared/identity/app/grant-role.ts';

const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'customer');

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    'granted-by': { type: 'string' },
    reason: { type: 'string' },
  },
});

const role = values.role as Role | undefined;
if (role === undefined || !STAFF_ROLES.includes(role) || values['granted-by'] === undefined || values.reason === undefined) {
  console.error(`Usage: grant-role --role <${STAFF_ROLES.join('|')}> --granted-by <who> --reason <why>   (national ID on standard input)`);
  process.exit(2);
}

const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
const nationalId = (await prompt.question('National ID of the staff member: ')).trim();
prompt.close();

const { principalId } = await grantRole(
  { nationalId, role, grantedBy: values['granted-by'], reason: values.reason },
  { identityStore: identityStore(), blindIndexer: blindIndexer(), cipher: personalDataCipher(), clock, ids },
);
process.stderr.write(`Granted ${role} to principal ${principalId}\n`);

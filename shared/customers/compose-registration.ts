/**
 * Registration's dependencies: it also reads the principal NAFATH verified, through identity's store. Kept apart
 * from compose.ts so that only the registration function bundles identity's code.
 */
import { ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { loadLendingPolicy } from '../kernel/config/policy-config.ts';
import { DynamoDbIdentityStore } from '../identity/index.ts';
import { profileDeps } from './compose.ts';

/** Registration also checks the principal's NAFATH verification and the eligibility policy. */
export const registrationDeps = /* @__PURE__ */ once(() => ({
  ...profileDeps(),
  identityStore: new DynamoDbIdentityStore(documentClient(), platformConfig().tableName),
  ids: ulidGenerator,
  policy: loadLendingPolicy(),
}));

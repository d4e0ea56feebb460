/** The dependencies that need the field cipher: the installation address, its disclosure, and payouts' IBAN. */
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { DynamoDbCustomerContactReader } from './adapters/party-readers.ts';
import type { PersonalDataDeps } from './app/project-deps.ts';
import { payoutWorkerDeps, projectDeps } from './compose.ts';

export const personalDataDeps = /* @__PURE__ */ once(
  (): PersonalDataDeps => ({ ...projectDeps(), cipher: personalDataCipher(), customerContact: new DynamoDbCustomerContactReader(documentClient(), platformConfig().tableName) }),
);

export const payoutDeps = /* @__PURE__ */ once(() => payoutWorkerDeps(personalDataCipher()));

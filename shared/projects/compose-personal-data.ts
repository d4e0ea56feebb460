/** The dependencies that need the field cipher: the installation address and its disclosure. */
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { DynamoDbCustomerContactReader } from './adapters/party-readers.ts';
import type { PersonalDataDeps } from './app/project-deps.ts';
import { projectDeps } from './compose.ts';

export const personalDataDeps = /* @__PURE__ */ once(
  (): PersonalDataDeps => ({ ...projectDeps(), cipher: personalDataCipher(), customerContact: new DynamoDbCustomerContactReader(documentClient(), platformConfig().tableName) }),
);

/** Linking an account encrypts and blind-indexes its number, and importing decrypts it for SEC: only these bundle the cipher. */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { secBaseUrl } from '../kernel/config/security-config.ts';
import { blindIndexer, personalDataCipher } from '../kernel/crypto/compose.ts';
import { DEFAULT_GOVERNMENT_RETRY_POLICY } from '../kernel/messaging/government-call.ts';
import { DynamoDbCustomerStore } from '../customers/index.ts';
import { DynamoDbElectricityAccountStore } from './adapters/electricity-account-store.ts';
import { HttpSecConsumptionClient } from './adapters/sec-client.ts';

const accountStore = /* @__PURE__ */ once(() => new DynamoDbElectricityAccountStore(documentClient(), platformConfig().tableName));

export const linkAccountDeps = /* @__PURE__ */ once(() => ({
  customerStore: new DynamoDbCustomerStore(documentClient(), platformConfig().tableName),
  accountStore: accountStore(),
  cipher: personalDataCipher(),
  blindIndexer: blindIndexer(),
  clock: systemClock,
  ids: ulidGenerator,
}));

export const importConsumptionDeps = /* @__PURE__ */ once(() => ({
  accountStore: accountStore(),
  cipher: personalDataCipher(),
  sec: new HttpSecConsumptionClient(secBaseUrl()),
  clock: systemClock,
  ids: ulidGenerator,
  retry: DEFAULT_GOVERNMENT_RETRY_POLICY,
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
}));

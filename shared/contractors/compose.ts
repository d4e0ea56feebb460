/** Builds the contractors context's dependencies on first use, once per container. */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { zatcaBaseUrl } from '../kernel/config/security-config.ts';
import { DEFAULT_GOVERNMENT_RETRY_POLICY } from '../kernel/messaging/government-call.ts';
import { DynamoDbContractorStore } from './adapters/contractor-store.ts';
import { HttpZatcaClient } from './adapters/zatca-client.ts';

export const contractorStore = /* @__PURE__ */ once(() => new DynamoDbContractorStore(documentClient(), platformConfig().tableName));

export const contractorDeps = /* @__PURE__ */ once(() => ({ contractorStore: contractorStore(), clock: systemClock, ids: ulidGenerator }));

export const verificationDeps = /* @__PURE__ */ once(() => ({
  ...contractorDeps(),
  zatca: new HttpZatcaClient(zatcaBaseUrl()),
  retry: DEFAULT_GOVERNMENT_RETRY_POLICY,
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
}));
export { idempotencyStore } from '../kernel/compose.ts';

/** Builds the credit context's dependencies on first use, once per container. */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { simahBaseUrl } from '../kernel/config/security-config.ts';
import { DynamoDbCustomerStore } from '../customers/index.ts';
import { DynamoDbAssessmentStore } from './adapters/assessment-store.ts';
import { HttpSimahClient } from './adapters/simah-client.ts';

export const assessmentDeps = /* @__PURE__ */ once(() => {
  const client = documentClient();
  const { tableName } = platformConfig();
  return { customerStore: new DynamoDbCustomerStore(client, tableName), assessmentStore: new DynamoDbAssessmentStore(client, tableName), clock: systemClock, ids: ulidGenerator };
});

export const simahClient = /* @__PURE__ */ once(() => new HttpSimahClient(simahBaseUrl()));

/** Builds the platform context's dependencies on first use, once per container. */
import { systemClock } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { EventBridgeBusPublisher } from './adapters/event-bus-publisher.ts';
import { DynamoDbCanaryStore } from './adapters/canary-store.ts';

export const canaryDeps = /* @__PURE__ */ once(() => ({ canaryStore: new DynamoDbCanaryStore(documentClient(), platformConfig().tableName), clock: systemClock }));
export const busPublisher = /* @__PURE__ */ once(() => new EventBridgeBusPublisher(platformConfig().eventBusName));

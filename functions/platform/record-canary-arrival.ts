import { DynamoDbCanaryStore } from '../../shared/adapters/dynamodb/canary-store.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { loadPlatformConfig } from '../../shared/config/platform-config.ts';
import { EVENT_TYPES } from '../../shared/contracts/events.ts';
import { sqsEventConsumer } from '../../shared/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/observability/logger.ts';
import { systemClock } from '../../shared/platform/clock-and-ids.ts';
import { recordCanaryArrival } from '../../shared/use-cases/pipeline-canary.ts';

const config = loadPlatformConfig();
const canaryStore = new DynamoDbCanaryStore(createDocumentClient(), config.tableName);

export const handler = sqsEventConsumer(EVENT_TYPES.pipelineCanaryEmitted, async (event) => {
  const { firstArrival } = await recordCanaryArrival(event, { canaryStore, clock: systemClock });
  logger.info(firstArrival ? 'Canary arrived' : 'Duplicate canary delivery ignored', { canaryId: event.data.canaryId });
});

import { DynamoDbCanaryStore } from '../../shared/platform/adapters/canary-store.ts';
import { createDocumentClient } from '../../shared/kernel/storage/document-client.ts';
import { loadPlatformConfig } from '../../shared/kernel/config/platform-config.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { systemClock } from '../../shared/kernel/clock-and-ids.ts';
import { recordCanaryArrival } from '../../shared/platform/app/pipeline-canary.ts';
import { PLATFORM_EVENTS } from '../../shared/platform/api/events.ts';

const config = loadPlatformConfig();
const canaryStore = new DynamoDbCanaryStore(createDocumentClient(), config.tableName);

export const handler = sqsEventConsumer(PLATFORM_EVENTS.pipelineCanaryEmitted, async (event) => {
  const { firstArrival } = await recordCanaryArrival(event, { canaryStore, clock: systemClock });
  logger.info(firstArrival ? 'Canary arrived' : 'Duplicate canary delivery ignored', { canaryId: event.data.canaryId });
});

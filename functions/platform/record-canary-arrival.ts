import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { recordCanaryArrival } from '../../shared/platform/app/pipeline-canary.ts';
import { PLATFORM_EVENTS } from '../../shared/platform/api/events.ts';
import { canaryDeps } from '../../shared/platform/compose.ts';


export const handler = sqsEventConsumer(PLATFORM_EVENTS.pipelineCanaryEmitted, async (event) => {
  const { firstArrival } = await recordCanaryArrival(event, canaryDeps());
  logger.info(firstArrival ? 'Canary arrived' : 'Duplicate canary delivery ignored', { canaryId: event.data.canaryId });
});

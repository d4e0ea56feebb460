import { CONTRACTORS_EVENTS } from '../../shared/contractors/index.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { projectsIntegrations } from '../../shared/projects/api/integrations.ts';
import { releaseHeldPayouts } from '../../shared/projects/app/payouts.ts';
import { payoutDeps } from '../../shared/projects/compose-payouts.ts';

const { maxReceiveCount } = projectsIntegrations.releaseHeldPayouts.queue;

export const handler = sqsEventConsumer(CONTRACTORS_EVENTS.contractorPayoutsReleased, async (event) => {
  const outcome = await releaseHeldPayouts({ contractorId: event.data.contractorId, correlationId: event.correlationId, isFinalDelivery: event.receiveCount >= maxReceiveCount }, payoutDeps());
  logger.info('Held payouts released', { contractorId: event.data.contractorId, ...outcome });
});

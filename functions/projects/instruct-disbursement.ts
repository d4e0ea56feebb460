import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { PROJECTS_EVENTS } from '../../shared/projects/api/events.ts';
import { projectsIntegrations } from '../../shared/projects/api/integrations.ts';
import { instructDisbursement } from '../../shared/projects/app/payouts.ts';
import { payoutDeps } from '../../shared/projects/compose-payouts.ts';

const { maxReceiveCount } = projectsIntegrations.contractorPayouts.queue;

export const handler = sqsEventConsumer(PROJECTS_EVENTS.disbursementRequested, async (event) => {
  const outcome = await instructDisbursement(
    { projectId: event.data.projectId, disbursementId: event.data.disbursementId, contractorId: event.data.contractorId, correlationId: event.correlationId, isFinalDelivery: event.receiveCount >= maxReceiveCount },
    payoutDeps(),
  );
  logger.info('Disbursement instruction processed', { disbursementId: event.data.disbursementId, outcome });
});

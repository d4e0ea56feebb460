import { runAssessmentDeps } from '../../shared/credit/compose-personal-data.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { creditIntegrations } from '../../shared/credit/api/integrations.ts';
import { runCreditAssessment } from '../../shared/credit/app/credit-assessment.ts';
import { CREDIT_EVENTS } from '../../shared/credit/api/events.ts';

const { maxReceiveCount } = creditIntegrations.simahCreditAssessment.queue;

export const handler = sqsEventConsumer(CREDIT_EVENTS.creditAssessmentRequested, async (event) => {
  const outcome = await runCreditAssessment(
    {
      assessmentId: event.data.assessmentId,
      customerId: event.data.customerId,
      correlationId: event.correlationId,
      isFinalDelivery: event.receiveCount >= maxReceiveCount,
    },
    runAssessmentDeps(),
  );
  logger.info('Credit assessment processed', { assessmentId: event.data.assessmentId, outcome });
});

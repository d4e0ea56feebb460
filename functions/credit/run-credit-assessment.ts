import { clock, customerStore, ids, simahClient } from '../../shared/composition/adapters.ts';
import { personalDataCipher } from '../../shared/composition/personal-data.ts';
import { loadLendingPolicy } from '../../shared/config/policy-config.ts';
import { EVENT_TYPES } from '../../shared/contracts/events.ts';
import { sqsEventConsumer } from '../../shared/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/observability/logger.ts';
import { integrations } from '../../shared/platform/integrations.ts';
import { DEFAULT_SIMAH_RETRY_POLICY, runCreditAssessment } from '../../shared/use-cases/credit/credit-assessment.ts';

const deps = {
  customerStore: customerStore(),
  cipher: personalDataCipher(),
  simah: simahClient(),
  clock,
  ids,
  policy: loadLendingPolicy(),
  retry: DEFAULT_SIMAH_RETRY_POLICY,
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
};
const { maxReceiveCount } = integrations.simahCreditAssessment.queue;

export const handler = sqsEventConsumer(EVENT_TYPES.creditAssessmentRequested, async (event) => {
  const outcome = await runCreditAssessment(
    {
      assessmentId: event.data.assessmentId,
      customerId: event.data.customerId,
      correlationId: event.correlationId,
      isFinalDelivery: event.receiveCount >= maxReceiveCount,
    },
    deps,
  );
  logger.info('Credit assessment processed', { assessmentId: event.data.assessmentId, outcome });
});

import { clock, customerStore, ids, simahClient } from '../../shared/identity/compose.ts';
import { personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { loadLendingPolicy } from '../../shared/kernel/config/policy-config.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { integrations } from '../../shared/catalog/integrations.ts';
import { DEFAULT_SIMAH_RETRY_POLICY, runCreditAssessment } from '../../shared/credit/app/credit-assessment.ts';
import { CREDIT_EVENTS } from '../../shared/credit/api/events.ts';

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

export const handler = sqsEventConsumer(CREDIT_EVENTS.creditAssessmentRequested, async (event) => {
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

import { CONTRACTORS_EVENTS } from '../../shared/contractors/api/events.ts';
import { contractorsIntegrations } from '../../shared/contractors/api/integrations.ts';
import { verifyContractorVat } from '../../shared/contractors/app/verification.ts';
import { verificationDeps } from '../../shared/contractors/compose.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';

const { maxReceiveCount } = contractorsIntegrations.zatcaVatVerification.queue;

export const handler = sqsEventConsumer(CONTRACTORS_EVENTS.contractorApplied, async (event) => {
  const outcome = await verifyContractorVat(
    { contractorId: event.data.contractorId, correlationId: event.correlationId, isFinalDelivery: event.receiveCount >= maxReceiveCount },
    verificationDeps(),
  );
  logger.info('Contractor VAT verification processed', { contractorId: event.data.contractorId, outcome });
});

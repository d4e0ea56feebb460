import { logger } from '../../shared/kernel/observability/logger.ts';
import { sqsEventConsumer } from '../../shared/kernel/messaging/sqs-event-consumer.ts';
import { SOLAR_EVENTS } from '../../shared/solar/api/events.ts';
import { solarIntegrations } from '../../shared/solar/api/integrations.ts';
import { importElectricityConsumption } from '../../shared/solar/app/electricity-accounts.ts';
import { importConsumptionDeps } from '../../shared/solar/compose-personal-data.ts';

const { maxReceiveCount } = solarIntegrations.secConsumptionImport.queue;

export const handler = sqsEventConsumer(SOLAR_EVENTS.electricityAccountLinked, async (event) => {
  const outcome = await importElectricityConsumption(
    {
      accountId: event.data.accountId,
      customerId: event.data.customerId,
      correlationId: event.correlationId,
      isFinalDelivery: event.receiveCount >= maxReceiveCount,
    },
    importConsumptionDeps(),
  );
  logger.info('Electricity consumption import processed', { accountId: event.data.accountId, outcome });
});

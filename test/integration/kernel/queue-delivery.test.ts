/**
 * The local SQS event source against moto: partial batch failures, visibility timeout and the move to the DLQ after
 * maxReceiveCount, plus the bus → rule → queue route built from an integration definition.
 */
import { PutEventsCommand, EventBridgeClient, CreateEventBusCommand } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../lib/local/local-logger.ts';
import { provisionIntegration, type ProvisionedQueue } from '../../../lib/local/provision.ts';
import { startQueuePoller, type QueuePoller } from '../../../lib/local/queue-poller.ts';
import type { IntegrationDefinition } from '../../../shared/catalog/integrations.ts';
import { consumedMessageIds } from '../../support/fixtures/poison-aware-consumer.ts';
import { eventually } from '../../support/eventually.ts';

/** One-second timeout gives a six-second visibility timeout, so redelivery happens within the test. */
const fastIntegration: IntegrationDefinition = {
  id: 'delivery-test',
  description: 'test',
  eventPattern: { source: ['rabhan.test'], detailType: ['Delivery Test'] },
  handlerEntry: 'test/support/fixtures/poison-aware-consumer.ts' as `functions/${string}.ts`,
  functionTimeoutSeconds: 1,
  maximumConcurrency: 2,
  queue: { batchSize: 10, maxBatchingWindowSeconds: 0, maxReceiveCount: 2, retentionDays: 1 },
  permissions: [],
};

const sqs = new SQSClient({});
const eventBridge = new EventBridgeClient({});
const prefix = `q${randomUUID().slice(0, 8)}`;
let queue: ProvisionedQueue;
let poller: QueuePoller;

async function visibleMessages(queueUrl: string): Promise<number> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}

beforeAll(async () => {
  await eventBridge.send(new CreateEventBusCommand({ Name: `${prefix}-bus` }));
  queue = await provisionIntegration({ sqs, eventBridge }, prefix, `${prefix}-bus`, fastIntegration);
  poller = startQueuePoller({ queue, region: process.env.AWS_REGION ?? 'me-central-1', logger: silentLogger });
});

afterAll(async () => {
  await poller?.stop();
});

describe('asynchronous delivery', () => {
  it('routes a matching bus event through the rule to the consumer, and ignores one that does not match', async () => {
    const marker = randomUUID();
    await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: `${prefix}-bus`, Source: 'rabhan.test', DetailType: 'Delivery Test', Detail: JSON.stringify({ marker }) },
          { EventBusName: `${prefix}-bus`, Source: 'rabhan.other', DetailType: 'Delivery Test', Detail: JSON.stringify({ marker: 'unrouted' }) },
        ],
      }),
    );

    await eventually(async () => (consumedMessageIds.length > 0 ? true : undefined), { description: 'the routed event' });
    expect(consumedMessageIds).toHaveLength(1);
  });

  it('deletes the records a batch succeeded with and moves a record that keeps failing to the DLQ after maxReceiveCount', async () => {
    const before = consumedMessageIds.length;
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: JSON.stringify({ kind: 'good' }) }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: JSON.stringify({ kind: 'poison' }) }));

    const deadLettered = await eventually(
      async () => {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.deadLetterQueueUrl, WaitTimeSeconds: 1 }));
        return Messages[0];
      },
      { timeoutMilliseconds: 45_000, description: 'the poison message in the DLQ' },
    );

    expect(deadLettered.Body).toContain('poison');
    expect(consumedMessageIds.length - before).toBe(1);
    expect(await visibleMessages(queue.queueUrl)).toBe(0);
  });
});

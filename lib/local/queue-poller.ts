/**
 * Plays the Lambda SQS event source locally: long-polls an integration's queue, invokes the real consumer with an
 * SQS-shaped batch, deletes only the records the consumer did not report as failed (ReportBatchItemFailures), and
 * leaves failures to reappear after the visibility timeout until the queue's redrive policy moves them to the DLQ.
 */
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import type { ProvisionedQueue } from './provision.ts';
import { lambdaContext, sqsEvent } from './lambda-shapes.ts';
import { loadHandler } from './handler-modules.ts';
import type { Logger } from './local-logger.ts';

/** SQS returns at most 10 messages per receive. */
const SQS_RECEIVE_MESSAGES_MAX = 10;
/** Short long-poll so that stopping the runtime never waits long. */
const RECEIVE_WAIT_SECONDS = 1;

export interface QueuePoller {
  stop(): Promise<void>;
}

export function startQueuePoller(options: { queue: ProvisionedQueue; region: string; logger: Logger }): QueuePoller {
  const { queue, logger } = options;
  const { integration } = queue;
  const sqs = new SQSClient({});
  let running = true;

  async function invokeConsumer(messages: readonly Message[], queueArn: string): Promise<Set<string>> {
    const handler = await loadHandler(integration.handlerEntry);
    try {
      const response = (await handler(
        sqsEvent(messages, queueArn, options.region),
        lambdaContext(integration.id, integration.functionTimeoutSeconds * 1000),
      )) as SQSBatchResponse | undefined;
      return new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      // A thrown invocation fails the whole batch, as in Lambda.
      logger.warn('Consumer invocation failed', { integration: integration.id, error: error instanceof Error ? error.message : String(error) });
      return new Set(messages.map((message) => message.MessageId ?? ''));
    }
  }

  const loop = (async () => {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.queueUrl, AttributeNames: ['QueueArn'] }));
    const queueArn = Attributes?.QueueArn ?? '';
    while (running) {
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queue.queueUrl,
            MaxNumberOfMessages: Math.min(integration.queue.batchSize, SQS_RECEIVE_MESSAGES_MAX),
            WaitTimeSeconds: RECEIVE_WAIT_SECONDS,
            MessageSystemAttributeNames: ['All'],
          }),
        );
        // moto applies the queue's RedrivePolicy on receive, as SQS does, so exhausted messages never arrive here.
        const deliverable = Messages;
        if (deliverable.length === 0) continue;
        const failedIds = await invokeConsumer(deliverable, queueArn);
        const succeeded = deliverable.filter((message) => !failedIds.has(message.MessageId ?? ''));
        if (succeeded.length > 0) {
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: queue.queueUrl,
              Entries: succeeded.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
            }),
          );
        }
        logger.info('Batch consumed', { integration: integration.id, succeeded: succeeded.length, failed: failedIds.size });
      } catch (error) {
        if (running) logger.warn('Queue poller will retry', { integration: integration.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      sqs.destroy();
    },
  };
}

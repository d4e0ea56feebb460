/**
 * Moves a poison message straight to its queue's DLQ. SQS would get it there only after maxReceiveCount failed
 * deliveries, each a wasted call to a government service; a message we know can never succeed goes at once.
 * The DLQ is found from the source queue's own redrive policy, so there is no second place naming it.
 */
import { GetQueueAttributesCommand, GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
export { DeadLetterNow } from './dead-letter-now.ts';


/** Built on first use: importing this module creates no client. */
let client: SQSClient | undefined;
const sqs = (): SQSClient => (client ??= new SQSClient({ maxAttempts: 3 }));
const deadLetterQueueUrls = new Map<string, Promise<string>>();

async function queueUrlForArn(queueArn: string): Promise<string> {
  const [, , , , accountId, queueName] = queueArn.split(':');
  const { QueueUrl } = await sqs().send(new GetQueueUrlCommand({ QueueName: queueName, QueueOwnerAWSAccountId: accountId }));
  if (QueueUrl === undefined) throw new Error('Queue URL not found');
  return QueueUrl;
}

async function resolveDeadLetterQueueUrl(sourceQueueArn: string): Promise<string> {
  const sourceUrl = await queueUrlForArn(sourceQueueArn);
  const { Attributes } = await sqs().send(new GetQueueAttributesCommand({ QueueUrl: sourceUrl, AttributeNames: ['RedrivePolicy'] }));
  const redrivePolicy = JSON.parse(Attributes?.RedrivePolicy ?? '{}') as { deadLetterTargetArn?: string };
  if (redrivePolicy.deadLetterTargetArn === undefined) throw new Error('The source queue has no DLQ');
  return queueUrlForArn(redrivePolicy.deadLetterTargetArn);
}

export async function sendToDeadLetterQueue(record: SQSRecord, reasonCode: string): Promise<void> {
  let url = deadLetterQueueUrls.get(record.eventSourceARN);
  if (url === undefined) {
    url = resolveDeadLetterQueueUrl(record.eventSourceARN);
    deadLetterQueueUrls.set(record.eventSourceARN, url);
    url.catch(() => deadLetterQueueUrls.delete(record.eventSourceARN));
  }
  await sqs().send(
    new SendMessageCommand({
      QueueUrl: await url,
      MessageBody: record.body,
      MessageAttributes: { deadLetterReason: { DataType: 'String', StringValue: reasonCode } },
    }),
  );
}

/**
 * Operator command: moves every message in an integration's DLQ back to its queue, to re-process them once the
 * cause is fixed. Consumers are idempotent, so a message whose effect already happened does nothing more.
 *
 *   npx tsx bin/redrive.ts --queue-url <integration queue URL>
 *
 * In AWS, prefer SQS's own redrive (StartMessageMoveTask) from the console or CLI; this command does the same
 * against any endpoint, including the local engines.
 */
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { parseArgs } from 'node:util';

/** SQS batch limit. */
const MESSAGES_PER_BATCH_MAX = 10;
/** Guard against redriving a runaway DLQ in one go. */
const MESSAGES_PER_RUN_MAX = 10_000;

const { values } = parseArgs({ options: { 'queue-url': { type: 'string' } } });
const queueUrl = values['queue-url'];
if (queueUrl === undefined) {
  console.error('Usage: redrive --queue-url <integration queue URL>');
  process.exit(2);
}

const sqs = new SQSClient({});
const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }));
const deadLetterArn = (JSON.parse(Attributes?.RedrivePolicy ?? '{}') as { deadLetterTargetArn?: string }).deadLetterTargetArn;
if (deadLetterArn === undefined) {
  console.error('That queue has no DLQ');
  process.exit(1);
}
const [, , , , accountId, deadLetterName] = deadLetterArn.split(':');
const { QueueUrl: deadLetterUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: deadLetterName, QueueOwnerAWSAccountId: accountId }));

let moved = 0;
while (moved < MESSAGES_PER_RUN_MAX) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLetterUrl, MaxNumberOfMessages: MESSAGES_PER_BATCH_MAX, WaitTimeSeconds: 1 }));
  if (Messages.length === 0) break;
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((message, index) => ({ Id: String(index), MessageBody: message.Body ?? '' })) }));
  await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: deadLetterUrl, Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })) }));
  moved += Messages.length;
}
process.stderr.write(`Moved ${moved} message(s) from the DLQ back to the queue\n`);

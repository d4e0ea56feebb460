/**
 * Moves messages from an integration's DLQ back to its queue, so they are processed again once the cause is fixed.
 * Consumers are idempotent, so a message whose effect already happened does nothing more.
 */
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** SQS batch limit. */
const MESSAGES_PER_BATCH_MAX = 10;
/** Guard against redriving a runaway DLQ in one go. */
export const REDRIVE_MESSAGES_PER_RUN_MAX = 10_000;

export interface RedriveOutcome {
  readonly movedCount: number;
  /** Messages SQS refused to send back; they stay in the DLQ. */
  readonly notMovedCount: number;
  /** Messages sent back whose DLQ copy could not be deleted: they will be processed twice (consumers are idempotent). */
  readonly sentButNotDeletedCount: number;
}

export async function redriveDeadLetters(sqs: SQSClient, queueUrl: string, messagesMax = REDRIVE_MESSAGES_PER_RUN_MAX): Promise<RedriveOutcome> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }));
  const deadLetterArn = (JSON.parse(Attributes?.RedrivePolicy ?? '{}') as { deadLetterTargetArn?: string }).deadLetterTargetArn;
  if (deadLetterArn === undefined) throw new Error('That queue has no DLQ');
  const [, , , , accountId, deadLetterName] = deadLetterArn.split(':');
  const { QueueUrl: deadLetterUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: deadLetterName, QueueOwnerAWSAccountId: accountId }));
  // Only what is in the DLQ now: a message that fails again on redrive returns to the DLQ and must not loop.
  const { Attributes: deadLetterAttributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  const limit = Math.min(messagesMax, Number(deadLetterAttributes?.ApproximateNumberOfMessages ?? 0));
  let moved = 0;
  let notMoved = 0;
  let notDeleted = 0;
  let received = 0;
  while (received < limit) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: deadLetterUrl, MaxNumberOfMessages: Math.min(MESSAGES_PER_BATCH_MAX, limit - received), WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) break;
    const { Successful = [], Failed = [] } = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((message, index) => ({ Id: String(index), MessageBody: message.Body ?? '' })) }),
    );
    // A batch send succeeds entry by entry: only what reached the queue may leave the DLQ. The rest reappears in
    // the DLQ when its visibility timeout ends, for the next run.
    const sentIds = new Set(Successful.map((entry) => entry.Id));
    const sent = Messages.flatMap((message, index) => (sentIds.has(String(index)) ? [{ Id: String(index), ReceiptHandle: message.ReceiptHandle }] : []));
    // A message sent but not deleted is now in both queues: report it, since the next run would send it again.
    const deleted = sent.length === 0 ? { Successful: [], Failed: [] } : await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: deadLetterUrl, Entries: sent }));
    moved += deleted.Successful?.length ?? 0;
    notMoved += Failed.length;
    notDeleted += deleted.Failed?.length ?? 0;
    received += Messages.length;
  }
  return { movedCount: moved, notMovedCount: notMoved, sentButNotDeletedCount: notDeleted };
}

/**
 * A partial SendMessageBatch failure, which moto cannot be made to produce, answered by aws-sdk-client-mock. The
 * whole redrive against real queues is proved in test/e2e/failure-cases.test.ts.
 */
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { redriveDeadLetters } from '../../../shared/kernel/messaging/redrive.ts';

const QUEUE_URL = 'https://sqs.me-central-1.amazonaws.com/123456789012/simah';
const DLQ_URL = 'https://sqs.me-central-1.amazonaws.com/123456789012/simah-dlq';

describe('the redrive command', () => {
  it('deletes from the DLQ only the messages SQS accepted back into the queue', async () => {
    const sqs = new SQSClient({ region: 'me-central-1', credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' } });
    const mock = mockClient(sqs);
    mock
      .on(GetQueueAttributesCommand, { QueueUrl: QUEUE_URL })
      .resolves({ Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:me-central-1:123456789012:simah-dlq', maxReceiveCount: 5 }) } })
      .on(GetQueueAttributesCommand, { QueueUrl: DLQ_URL })
      .resolves({ Attributes: { ApproximateNumberOfMessages: '3' } })
      .on(GetQueueUrlCommand)
      .resolves({ QueueUrl: DLQ_URL })
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: ['a', 'b', 'c'].map((body) => ({ Body: body, ReceiptHandle: `receipt-${body}` })) })
      .resolves({ Messages: [] })
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [{ Id: '0', MessageId: 'm0', MD5OfMessageBody: '' }, { Id: '2', MessageId: 'm2', MD5OfMessageBody: '' }], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] })
      .on(DeleteMessageBatchCommand)
      .resolves({ Successful: [{ Id: '0' }, { Id: '2' }], Failed: [] });

    const outcome = await redriveDeadLetters(sqs, QUEUE_URL);

    expect(outcome).toEqual({ movedCount: 2, notMovedCount: 1, sentButNotDeletedCount: 0 });
    const deletions = mock.commandCalls(DeleteMessageBatchCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(deletions.map((entry) => entry.ReceiptHandle)).toEqual(['receipt-a', 'receipt-c']);
  });
});

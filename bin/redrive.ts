/**
 * Operator command: moves every message in an integration's DLQ back to its queue, to re-process them once the
 * cause is fixed.
 *
 *   npm run redrive -- --queue-url <integration queue URL>
 *
 * In AWS, SQS's own redrive (StartMessageMoveTask) does the same from the console or CLI; this command works against
 * any endpoint, including the local engines (set AWS_ENDPOINT_URL_SQS to the one `npm start` logs).
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { parseArgs } from 'node:util';
import { redriveDeadLetters } from '../shared/kernel/messaging/redrive.ts';

const { values } = parseArgs({ options: { 'queue-url': { type: 'string' } } });
const queueUrl = values['queue-url'];
if (queueUrl === undefined) {
  console.error('Usage: redrive --queue-url <integration queue URL>');
  process.exit(2);
}
const { movedCount, notMovedCount, sentButNotDeletedCount } = await redriveDeadLetters(new SQSClient({}), queueUrl);
process.stderr.write(`Moved ${movedCount} message(s) from the DLQ back to the queue\n`);
if (sentButNotDeletedCount > 0) {
  process.stderr.write(`${sentButNotDeletedCount} message(s) were sent back but are still in the DLQ: delete them there before the next run\n`);
  process.exitCode = 1;
}
if (notMovedCount > 0) {
  process.stderr.write(`${notMovedCount} message(s) could not be sent and stay in the DLQ: run the command again\n`);
  process.exitCode = 1;
}

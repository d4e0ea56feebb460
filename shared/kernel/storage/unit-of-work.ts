/**
 * Runs TransactWriteItems and translates a cancellation into which named writes had their condition fail, so
 * use-cases can map a broken invariant to its domain error without knowing DynamoDB's error shapes.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { kernelError } from '../errors/kernel-error-codes.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on the number of writes in one transaction. */
export const TRANSACTION_ITEMS_MAX = 100;
/** Conflicts clear as soon as the other transaction commits, typically within milliseconds. */
const CONFLICT_RETRY_AFTER_SECONDS = 1;

export interface NamedTransactItem {
  /** Names the invariant the write's condition protects, e.g. `customerMustNotExist`. */
  readonly name: string;
  readonly item: TransactItem;
}

export class TransactionConditionFailed extends Error {
  constructor(
    readonly failedConditions: readonly string[],
    cause: unknown,
    /** The item as it stood, for writes that asked for it with `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`. */
    readonly itemsAtFailure: ReadonlyMap<string, Record<string, unknown>> = new Map(),
  ) {
    super(`Transaction refused by: ${failedConditions.join(', ') || 'unknown condition'}`, { cause });
    this.name = 'TransactionConditionFailed';
  }

  failed(name: string): boolean {
    return this.failedConditions.includes(name);
  }
}

export async function writeTransaction(
  documentClient: DynamoDBDocumentClient,
  items: readonly NamedTransactItem[],
  clientRequestToken?: string,
): Promise<void> {
  if (items.length > TRANSACTION_ITEMS_MAX) throw new Error(`A transaction holds at most ${TRANSACTION_ITEMS_MAX} writes`);
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: items.map((named) => named.item),
        ...(clientRequestToken === undefined ? {} : { ClientRequestToken: clientRequestToken }),
      }),
    );
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [items[index]?.name ?? `#${index}`] : []));
    const itemsAtFailure = new Map(
      reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' && reason.Item !== undefined ? [[items[index]?.name ?? `#${index}`, unmarshall(reason.Item)] as const] : [])),
    );
    if (failed.length > 0) throw new TransactionConditionFailed(failed, error, itemsAtFailure);
    // Another transaction held one of the items. Nothing was written and a retry re-reads fresh state, so the
    // caller gets a retryable 409 rather than a 500 (DynamoDB Local never raises this: the unit tests mock it).
    if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
      throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': String(CONFLICT_RETRY_AFTER_SECONDS) } });
    }
    // Throttling and other cancellations are not about our data: surface them unchanged (500, SQS retries).
    throw error;
  }
}

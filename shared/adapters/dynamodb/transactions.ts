/**
 * Runs TransactWriteItems and translates a cancellation into which named writes had their condition fail, so
 * use-cases can map a broken invariant to its domain error without knowing DynamoDB's error shapes.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on the number of writes in one transaction. */
export const TRANSACTION_ITEMS_MAX = 100;

export interface NamedTransactItem {
  /** Names the invariant the write's condition protects, e.g. `customerMustNotExist`. */
  readonly name: string;
  readonly item: TransactItem;
}

export class TransactionConditionFailed extends Error {
  constructor(
    readonly failedConditions: readonly string[],
    cause: unknown,
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
    // Cancellation for other reasons (conflicts, throttling) is not a broken invariant: surface it unchanged.
    if (failed.length === 0) throw error;
    throw new TransactionConditionFailed(failed, error);
  }
}

/** Reads of the ledger: one ledger's journals in posting order, and the trial balance over the sharded totals. */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountTotals, LedgerReader } from '../app/trial-balance.ts';
import { LEDGER_ACCOUNTS, type LedgerAccount, type PostedJournal } from '../domain/journal.ts';
import { LEDGER_BALANCE_SHARDS, toPostedJournal } from './journal-items.ts';
import { keys, type JournalOwner } from './keys.ts';


/** At most `limit` journals of one ledger, in posting order, starting after `afterJournalId` when given. */
export async function queryJournals(
  client: DynamoDBDocumentClient,
  tableName: string,
  owner: JournalOwner,
  limit: number,
  afterJournalId?: string,
): Promise<readonly PostedJournal[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :journals',
      ExpressionAttributeValues: { ':journals': keys.journals(owner) },
      Limit: limit,
      ConsistentRead: true,
      ...(afterJournalId === undefined ? {} : { ExclusiveStartKey: keys.journal(owner, afterJournalId) }),
    }),
  );
  return Items.map(toPostedJournal);
}

export class DynamoDbLedgerReader implements LedgerReader {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One query per account, each reading at most its shards. */
  async trialBalance(): Promise<AccountTotals> {
    const balances = new Map<LedgerAccount, { debitHalalas: number; creditHalalas: number }>();
    for (const account of LEDGER_ACCOUNTS) {
      const { Items = [] } = await this.documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :account',
          ExpressionAttributeValues: { ':account': keys.ledgerBalance(account, 0).PK },
          ConsistentRead: true,
          Limit: LEDGER_BALANCE_SHARDS,
        }),
      );
      balances.set(account, {
        debitHalalas: Items.reduce((sum, item) => sum + Number(item.debitHalalas ?? 0), 0),
        creditHalalas: Items.reduce((sum, item) => sum + Number(item.creditHalalas ?? 0), 0),
      });
    }
    return balances;
  }
}

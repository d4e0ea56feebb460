/**
 * The ledger's transaction items: a journal put into its ledger's immutable partition, and the running balance of
 * each account it touches. The context that posts a journal commits these in the same transaction as its change.
 */
import { randomInt } from 'node:crypto';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import type { NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import type { LedgerAccount, PostedJournal } from '../domain/journal.ts';
import { ENTITY_TYPES, keys, type JournalOwner } from './keys.ts';

/** Shards per ledger account balance; see docs/capacity.md for the write-rate arithmetic. */
export const LEDGER_BALANCE_SHARDS = 10;

/** `ownerAttributes` names the owner on the item for readers, e.g. `{ planId }`. */
export function journalWrites(tableName: string, journal: PostedJournal, owner: JournalOwner, ownerAttributes: Readonly<Record<string, string>>): NamedTransactItem[] {
  const put: NamedTransactItem = {
    name: 'journalMustBeNew',
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.journal(owner, journal.journalId),
          entityType: ENTITY_TYPES.journal,
          journalId: journal.journalId,
          ...ownerAttributes,
          description: journal.description,
          postedAt: journal.postedAt.toISOString(),
          entries: journal.entries,
          ...(journal.reverses === undefined ? {} : { reverses: journal.reverses }),
        },
        ConditionExpression: CONDITIONS.itemMustNotExist,
      },
    },
  };
  return [put, ...balanceUpdates(tableName, journal)];
}

function balanceUpdates(tableName: string, journal: PostedJournal): NamedTransactItem[] {
  const totals = new Map<LedgerAccount, { debit: number; credit: number }>();
  for (const entry of journal.entries) {
    const total = totals.get(entry.account) ?? { debit: 0, credit: 0 };
    if (entry.side === 'DEBIT') total.debit += entry.amountHalalas;
    else total.credit += entry.amountHalalas;
    totals.set(entry.account, total);
  }
  return [...totals].map(([account, total]) => ({
    name: `ledger${account}`,
    item: {
      Update: {
        TableName: tableName,
        Key: keys.ledgerBalance(account, randomInt(LEDGER_BALANCE_SHARDS)),
        UpdateExpression: 'SET entityType = :entityType, account = :account ADD debitHalalas :debit, creditHalalas :credit',
        ExpressionAttributeValues: { ':entityType': ENTITY_TYPES.ledgerBalance, ':account': account, ':debit': total.debit, ':credit': total.credit },
      },
    },
  }));
}

export function toPostedJournal(item: Record<string, unknown>): PostedJournal {
  return {
    journalId: String(item.journalId),
    description: String(item.description),
    postedAt: new Date(String(item.postedAt)),
    entries: item.entries as PostedJournal['entries'],
    ...(item.reverses === undefined ? {} : { reverses: String(item.reverses) }),
  };
}

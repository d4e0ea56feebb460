/** The only surface another context may import from the ledger. */
export type { JournalOwner } from './adapters/keys.ts';
export { journalWrites, LEDGER_BALANCE_SHARDS } from './adapters/journal-items.ts';
export { queryJournals, DynamoDbLedgerReader } from './adapters/ledger-reads.ts';
export type { AccountTotals } from './app/trial-balance.ts';
export * from './domain/journal.ts';

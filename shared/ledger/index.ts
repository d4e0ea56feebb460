/** The only surface another context may import from the ledger. */
export type { JournalOwner } from './adapters/keys.ts';
export { journalWrites, LEDGER_BALANCE_SHARDS } from './adapters/journal-items.ts';
export { queryJournals, DynamoDbLedgerReader, type AccountTotals } from './adapters/ledger-reads.ts';
export * from './domain/journal.ts';

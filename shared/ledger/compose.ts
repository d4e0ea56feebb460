/** Builds the ledger's readers on first use, once per container. */
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { DynamoDbLedgerReader } from './adapters/ledger-reads.ts';

export const ledgerReader = /* @__PURE__ */ once(() => new DynamoDbLedgerReader(documentClient(), platformConfig().tableName));

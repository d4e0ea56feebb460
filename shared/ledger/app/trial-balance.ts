/** The trial balance: every account's debit and credit totals, which must agree across the whole ledger. */
import type { LedgerAccount } from '../domain/journal.ts';

export type AccountTotals = ReadonlyMap<LedgerAccount, { readonly debitHalalas: number; readonly creditHalalas: number }>;

export interface LedgerReader {
  trialBalance(): Promise<AccountTotals>;
}

export interface TrialBalance {
  readonly accounts: AccountTotals;
  readonly debitHalalas: number;
  readonly creditHalalas: number;
  readonly balanced: boolean;
}

export async function trialBalanceOf(reader: LedgerReader): Promise<TrialBalance> {
  const accounts = await reader.trialBalance();
  const debitHalalas = [...accounts.values()].reduce((sum, balance) => sum + balance.debitHalalas, 0);
  const creditHalalas = [...accounts.values()].reduce((sum, balance) => sum + balance.creditHalalas, 0);
  return { accounts, debitHalalas, creditHalalas, balanced: debitHalalas === creditHalalas };
}

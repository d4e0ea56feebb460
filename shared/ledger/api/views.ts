/** How the trial balance looks to staff: each account's totals, the grand totals, and whether they agree. */
import type { AccountTotals } from '../adapters/ledger-reads.ts';

export function toTrialBalanceView(balances: AccountTotals) {
  const debitHalalas = [...balances.values()].reduce((sum, balance) => sum + balance.debitHalalas, 0);
  const creditHalalas = [...balances.values()].reduce((sum, balance) => sum + balance.creditHalalas, 0);
  return { accounts: Object.fromEntries(balances), debitHalalas, creditHalalas, balanced: debitHalalas === creditHalalas };
}

/** How the trial balance looks to staff: each account's totals, the grand totals, and whether they agree. */
import type { TrialBalance } from '../app/trial-balance.ts';

export function toTrialBalanceView(balance: TrialBalance) {
  return { accounts: Object.fromEntries(balance.accounts), debitHalalas: balance.debitHalalas, creditHalalas: balance.creditHalalas, balanced: balance.balanced };
}

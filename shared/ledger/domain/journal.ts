/**
 * Double-entry journals in halalas. A journal can only be made by buildJournal, which refuses one whose debits and
 * credits differ, so every Journal value in the system is balanced and any set of them has a balanced trial
 * balance. Mistakes are corrected by a reversing journal, never by editing one (docs/money-and-schedules.md).
 */
import { assertHalalas } from '../../kernel/money.ts';

export const LEDGER_ACCOUNTS = [
  'CUSTOMER_RECEIVABLE',
  'GATEWAY_CLEARING',
  'FUNDING',
  'CONTRACTOR_PAYABLE',
  'UNAPPLIED_CASH',
  'DOWN_PAYMENT_HELD',
  'PAYOUT_CLEARING',
  'BANK',
  'CUSTOMER_REFUNDS_DUE',
  'CONTRACTOR_RECEIVABLE',
  'CLAWBACK_DUE_TO_CUSTOMERS',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export type EntrySide = 'DEBIT' | 'CREDIT';

/** Double entry needs two sides. */
export const JOURNAL_ENTRIES_MIN = 2;
/** Our journals have two or three entries; the ceiling keeps one journal's item in storage small. */
export const JOURNAL_ENTRIES_MAX = 16;

export interface JournalEntry {
  readonly account: LedgerAccount;
  readonly side: EntrySide;
  readonly amountHalalas: number;
}

declare const balancedJournal: unique symbol;

/** A balanced journal; the brand means it came from buildJournal. */
export interface Journal {
  readonly entries: readonly JournalEntry[];
  /** Equal to the total of the credits. */
  readonly debitHalalas: number;
  readonly [balancedJournal]: true;
}

/** A balanced journal as posted to one ledger (a plan's statement, a reconciliation item's suspense). */
export interface PostedJournal {
  readonly journalId: string;
  readonly description: string;
  readonly postedAt: Date;
  readonly entries: readonly JournalEntry[];
  /** A reversing journal names the journal it reverses. */
  readonly reverses?: string;
}

export interface AccountBalance {
  readonly debitHalalas: number;
  readonly creditHalalas: number;
}

export interface TrialBalance {
  readonly accounts: Readonly<Record<LedgerAccount, AccountBalance>>;
  /** Invariant: debitHalalas === creditHalalas. */
  readonly debitHalalas: number;
  readonly creditHalalas: number;
}

export class UnbalancedJournalError extends Error {
  constructor(
    readonly debitHalalas: number,
    readonly creditHalalas: number,
  ) {
    super(`journal debits ${debitHalalas} halalas must equal credits ${creditHalalas} halalas`);
    this.name = 'UnbalancedJournalError';
  }
}

export class InvalidJournalError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'InvalidJournalError';
  }
}

export function buildJournal(entries: readonly JournalEntry[]): Journal {
  if (entries.length < JOURNAL_ENTRIES_MIN || entries.length > JOURNAL_ENTRIES_MAX) {
    throw new InvalidJournalError(`a journal has ${JOURNAL_ENTRIES_MIN} to ${JOURNAL_ENTRIES_MAX} entries, got ${entries.length}`);
  }
  for (const entry of entries) assertEntry(entry);
  const debitHalalas = sideTotalHalalas(entries, 'DEBIT');
  const creditHalalas = sideTotalHalalas(entries, 'CREDIT');
  if (debitHalalas !== creditHalalas) throw new UnbalancedJournalError(debitHalalas, creditHalalas);
  const copied = entries.map(({ account, side, amountHalalas }) => Object.freeze({ account, side, amountHalalas }));
  return Object.freeze({ entries: Object.freeze(copied), debitHalalas }) as Journal;
}

/** The journal that cancels `journal`: the same entries with every side swapped. */
export function reverseJournal(journal: Journal): Journal {
  return buildJournal(journal.entries.map((entry) => ({ ...entry, side: entry.side === 'DEBIT' ? 'CREDIT' : 'DEBIT' })));
}

export function trialBalance(journals: readonly Journal[]): TrialBalance {
  const accounts = Object.fromEntries(LEDGER_ACCOUNTS.map((account) => [account, { debitHalalas: 0, creditHalalas: 0 }])) as Record<
    LedgerAccount,
    { debitHalalas: number; creditHalalas: number }
  >;
  let debitHalalas = 0;
  let creditHalalas = 0;
  for (const { account, side, amountHalalas } of journals.flatMap((journal) => journal.entries)) {
    if (side === 'DEBIT') {
      accounts[account].debitHalalas += amountHalalas;
      debitHalalas += amountHalalas;
    } else {
      accounts[account].creditHalalas += amountHalalas;
      creditHalalas += amountHalalas;
    }
  }
  assertHalalas(debitHalalas, 'trial balance debitHalalas');
  assertHalalas(creditHalalas, 'trial balance creditHalalas');
  if (debitHalalas !== creditHalalas) throw new UnbalancedJournalError(debitHalalas, creditHalalas);
  return { accounts, debitHalalas, creditHalalas };
}

/** A plan is opened: the customer now owes the financed amount, which our funding provides. */
export function planOpenedJournal(financedHalalas: number): Journal {
  return buildJournal([
    { account: 'CUSTOMER_RECEIVABLE', side: 'DEBIT', amountHalalas: financedHalalas },
    { account: 'FUNDING', side: 'CREDIT', amountHalalas: financedHalalas },
  ]);
}

/** The gateway confirmed a payment: the money sits in clearing until settlement, and the customer owes less. */
export function paymentConfirmedJournal(paymentHalalas: number): Journal {
  return buildJournal([
    { account: 'GATEWAY_CLEARING', side: 'DEBIT', amountHalalas: paymentHalalas },
    { account: 'CUSTOMER_RECEIVABLE', side: 'CREDIT', amountHalalas: paymentHalalas },
  ]);
}

/**
 * The gateway reports money it took that matches no payable intent (an unknown payment, a different amount, or an
 * outcome that contradicts a settled payment). The money is real, so it is recorded at once, in suspense, until
 * staff apply it to the plan it belongs to.
 */
export function unappliedCashReceivedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'GATEWAY_CLEARING', side: 'DEBIT', amountHalalas },
    { account: 'UNAPPLIED_CASH', side: 'CREDIT', amountHalalas },
  ]);
}

/** Staff apply money held in suspense to a plan: it leaves suspense and the customer owes that much less. */
export function unappliedCashAppliedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'UNAPPLIED_CASH', side: 'DEBIT', amountHalalas },
    { account: 'CUSTOMER_RECEIVABLE', side: 'CREDIT', amountHalalas },
  ]);
}

/** Staff refunded money held in suspense (four eyes), and the gateway reported the refund succeeded: it leaves suspense. */
export function unappliedCashRefundedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'UNAPPLIED_CASH', side: 'DEBIT', amountHalalas },
    { account: 'GATEWAY_CLEARING', side: 'CREDIT', amountHalalas },
  ]);
}

/** A customer's down payment arrived through the gateway: it is held for the contractor, never applied to the plan. */
export function downPaymentReceivedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'GATEWAY_CLEARING', side: 'DEBIT', amountHalalas },
    { account: 'DOWN_PAYMENT_HELD', side: 'CREDIT', amountHalalas },
  ]);
}

/**
 * Money went back to the customer through the gateway after their project was cancelled or ended early: the held
 * down payment, and what they repaid beyond the financing drawn for their contractor (a project ended early).
 */
export function customerRefundedJournal(fromDownPaymentHeldHalalas: number, fromRefundsDueHalalas: number): Journal {
  return buildJournal([
    ...(fromDownPaymentHeldHalalas > 0 ? [{ account: 'DOWN_PAYMENT_HELD' as const, side: 'DEBIT' as const, amountHalalas: fromDownPaymentHeldHalalas }] : []),
    ...(fromRefundsDueHalalas > 0 ? [{ account: 'CUSTOMER_REFUNDS_DUE' as const, side: 'DEBIT' as const, amountHalalas: fromRefundsDueHalalas }] : []),
    { account: 'GATEWAY_CLEARING', side: 'CREDIT', amountHalalas: fromDownPaymentHeldHalalas + fromRefundsDueHalalas },
  ]);
}

/**
 * A stalled project ended early: the financing never drawn for the contractor leaves the customer's plan. What the
 * plan still owed is cancelled; what the customer had already repaid beyond the financing drawn is owed back to them.
 */
export function undrawnFinancingCancelledJournal(cancelledFromPlanHalalas: number, repaidBeyondDrawnHalalas: number): Journal {
  return buildJournal([
    { account: 'FUNDING', side: 'DEBIT', amountHalalas: cancelledFromPlanHalalas + repaidBeyondDrawnHalalas },
    ...(cancelledFromPlanHalalas > 0 ? [{ account: 'CUSTOMER_RECEIVABLE' as const, side: 'CREDIT' as const, amountHalalas: cancelledFromPlanHalalas }] : []),
    ...(repaidBeyondDrawnHalalas > 0 ? [{ account: 'CUSTOMER_REFUNDS_DUE' as const, side: 'CREDIT' as const, amountHalalas: repaidBeyondDrawnHalalas }] : []),
  ]);
}

/**
 * A stalled project ended early: RABHAN claims back from the contractor what it was paid for work it did not finish.
 * The claim is the customer's, not RABHAN's income: whatever is recovered goes to the customer (docs/projects.md).
 */
export function clawbackClaimedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'CONTRACTOR_RECEIVABLE', side: 'DEBIT', amountHalalas },
    { account: 'CLAWBACK_DUE_TO_CUSTOMERS', side: 'CREDIT', amountHalalas },
  ]);
}

/**
 * Staff approved a milestone: the contractor is owed its amount, drawn from the held down payment first and from the
 * plan's financing for the rest.
 */
export function milestoneApprovedJournal(fromDownPaymentHalalas: number, fromFundingHalalas: number): Journal {
  return buildJournal([
    ...(fromDownPaymentHalalas > 0 ? [{ account: 'DOWN_PAYMENT_HELD' as const, side: 'DEBIT' as const, amountHalalas: fromDownPaymentHalalas }] : []),
    ...(fromFundingHalalas > 0 ? [{ account: 'FUNDING' as const, side: 'DEBIT' as const, amountHalalas: fromFundingHalalas }] : []),
    { account: 'CONTRACTOR_PAYABLE', side: 'CREDIT', amountHalalas: fromDownPaymentHalalas + fromFundingHalalas },
  ]);
}

/** The bank took a transfer instruction: the amount leaves the payable and waits in payout clearing. */
export function disbursementSentJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'CONTRACTOR_PAYABLE', side: 'DEBIT', amountHalalas },
    { account: 'PAYOUT_CLEARING', side: 'CREDIT', amountHalalas },
  ]);
}

/** The transfer settled: payout clearing is cleared against our bank account. */
export function disbursementSettledJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'PAYOUT_CLEARING', side: 'DEBIT', amountHalalas },
    { account: 'BANK', side: 'CREDIT', amountHalalas },
  ]);
}

/** A sent transfer failed: nothing left the bank, and the contractor is owed the amount again. */
export function disbursementFailedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'PAYOUT_CLEARING', side: 'DEBIT', amountHalalas },
    { account: 'CONTRACTOR_PAYABLE', side: 'CREDIT', amountHalalas },
  ]);
}

/** A settled transfer came back: the money is in our bank again, and the contractor is owed it again. */
export function disbursementReturnedJournal(amountHalalas: number): Journal {
  return buildJournal([
    { account: 'BANK', side: 'DEBIT', amountHalalas },
    { account: 'CONTRACTOR_PAYABLE', side: 'CREDIT', amountHalalas },
  ]);
}

function assertEntry(entry: JournalEntry): void {
  if (!(LEDGER_ACCOUNTS as readonly string[]).includes(entry.account)) throw new InvalidJournalError(`unknown ledger account ${String(entry.account)}`);
  if (entry.side !== 'DEBIT' && entry.side !== 'CREDIT') throw new InvalidJournalError(`unknown entry side ${String(entry.side)}`);
  assertHalalas(entry.amountHalalas, 'amountHalalas');
  // A zero entry records nothing and would let a one-sided journal pass as balanced.
  if (entry.amountHalalas === 0) throw new InvalidJournalError(`${entry.account} ${entry.side} must be above 0 halalas`);
}

function sideTotalHalalas(entries: readonly JournalEntry[], side: EntrySide): number {
  let totalHalalas = 0;
  for (const entry of entries) if (entry.side === side) totalHalalas += entry.amountHalalas;
  assertHalalas(totalHalalas, `${side} total`);
  return totalHalalas;
}

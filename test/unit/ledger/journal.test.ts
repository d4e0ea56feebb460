import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildJournal,
  InvalidJournalError,
  type Journal,
  type JournalEntry,
  LEDGER_ACCOUNTS,
  clawbackClaimedJournal,
  customerRefundedJournal,
  downPaymentReceivedJournal,
  undrawnFinancingCancelledJournal,
  milestoneApprovedJournal,
  disbursementSentJournal,
  disbursementSettledJournal,
  disbursementFailedJournal,
  disbursementReturnedJournal,
  paymentConfirmedJournal,
  planOpenedJournal,
  reverseJournal,
  trialBalance,
  UnbalancedJournalError,
} from '../../../shared/ledger/domain/journal.ts';

const anyAccount = fc.constantFrom(...LEDGER_ACCOUNTS);

/** A balanced journal: debits split over some accounts and the same total credited over others. */
const anyJournal: fc.Arbitrary<Journal> = fc
  .record({
    debits: fc.array(fc.record({ account: anyAccount, amountHalalas: fc.integer({ min: 1, max: 10_000_00 }) }), { minLength: 1, maxLength: 4 }),
    creditAccount: anyAccount,
  })
  .map(({ debits, creditAccount }) => {
    const totalHalalas = debits.reduce((sum, debit) => sum + debit.amountHalalas, 0);
    return buildJournal([
      ...debits.map((debit): JournalEntry => ({ ...debit, side: 'DEBIT' })),
      { account: creditAccount, side: 'CREDIT', amountHalalas: totalHalalas },
    ]);
  });

describe('journals', () => {
  it('opens a plan by debiting the customer receivable and crediting funding with the financed amount', () => {
    expect(planOpenedJournal(4_500_00).entries).toEqual([
      { account: 'CUSTOMER_RECEIVABLE', side: 'DEBIT', amountHalalas: 4_500_00 },
      { account: 'FUNDING', side: 'CREDIT', amountHalalas: 4_500_00 },
    ]);
  });

  it('records a confirmed payment by debiting gateway clearing and crediting the customer receivable', () => {
    expect(paymentConfirmedJournal(375_00).entries).toEqual([
      { account: 'GATEWAY_CLEARING', side: 'DEBIT', amountHalalas: 375_00 },
      { account: 'CUSTOMER_RECEIVABLE', side: 'CREDIT', amountHalalas: 375_00 },
    ]);
  });

  it('refuses a journal whose debits and credits differ by even one halala', () => {
    // Arrange
    const entries: JournalEntry[] = [
      { account: 'CUSTOMER_RECEIVABLE', side: 'DEBIT', amountHalalas: 100_00 },
      { account: 'FUNDING', side: 'CREDIT', amountHalalas: 99_99 },
    ];

    // Act / Assert
    expect(() => buildJournal(entries)).toThrow(UnbalancedJournalError);
    expect(() => buildJournal(entries)).toThrow(expect.objectContaining({ debitHalalas: 100_00, creditHalalas: 99_99 }));
  });

  it('refuses fewer than two entries and zero, negative or fractional amounts', () => {
    expect(() => buildJournal([])).toThrow(InvalidJournalError);
    expect(() => buildJournal([{ account: 'FUNDING', side: 'DEBIT', amountHalalas: 1 }])).toThrow(InvalidJournalError);
    const pair = (amountHalalas: number): JournalEntry[] => [
      { account: 'CUSTOMER_RECEIVABLE', side: 'DEBIT', amountHalalas },
      { account: 'FUNDING', side: 'CREDIT', amountHalalas },
    ];
    expect(() => buildJournal(pair(0))).toThrow(InvalidJournalError);
    expect(() => buildJournal(pair(-1))).toThrow(RangeError);
    expect(() => buildJournal(pair(0.5))).toThrow(RangeError);
  });

  it('reverses a journal by swapping every side, and the pair nets every account to zero', () => {
    // Arrange
    const opened = planOpenedJournal(4_500_00);

    // Act
    const reversal = reverseJournal(opened);
    const balance = trialBalance([opened, reversal]);

    // Assert
    expect(reversal.entries).toEqual([
      { account: 'CUSTOMER_RECEIVABLE', side: 'CREDIT', amountHalalas: 4_500_00 },
      { account: 'FUNDING', side: 'DEBIT', amountHalalas: 4_500_00 },
    ]);
    for (const account of LEDGER_ACCOUNTS) expect(balance.accounts[account].debitHalalas).toBe(balance.accounts[account].creditHalalas);
  });

  it('cannot be changed after it is built', () => {
    const journal = planOpenedJournal(100_00);
    expect(Object.isFrozen(journal)).toBe(true);
    expect(Object.isFrozen(journal.entries[0])).toBe(true);
  });
});

describe('trial balance', () => {
  it('shows each account and totals for a plan opened and partly paid', () => {
    const balance = trialBalance([planOpenedJournal(3_000_00), paymentConfirmedJournal(1_000_00)]);
    expect(balance).toEqual({
      accounts: {
        CUSTOMER_RECEIVABLE: { debitHalalas: 3_000_00, creditHalalas: 1_000_00 },
        GATEWAY_CLEARING: { debitHalalas: 1_000_00, creditHalalas: 0 },
        FUNDING: { debitHalalas: 0, creditHalalas: 3_000_00 },
        CONTRACTOR_PAYABLE: { debitHalalas: 0, creditHalalas: 0 },
        UNAPPLIED_CASH: { debitHalalas: 0, creditHalalas: 0 },
        DOWN_PAYMENT_HELD: { debitHalalas: 0, creditHalalas: 0 },
        PAYOUT_CLEARING: { debitHalalas: 0, creditHalalas: 0 },
        BANK: { debitHalalas: 0, creditHalalas: 0 },
        CUSTOMER_REFUNDS_DUE: { debitHalalas: 0, creditHalalas: 0 },
        CONTRACTOR_RECEIVABLE: { debitHalalas: 0, creditHalalas: 0 },
        CLAWBACK_DUE_TO_CUSTOMERS: { debitHalalas: 0, creditHalalas: 0 },
      },
      debitHalalas: 4_000_00,
      creditHalalas: 4_000_00,
    });
  });

  it('leaves nothing held, payable or in clearing once a financed installation is fully paid to its contractor', () => {
    // A SAR 60,000 quote: SAR 5,000 financed, SAR 55,000 down; M1 and M2 of SAR 30,000 each, M1 in two transfers.
    const journals = [
      planOpenedJournal(5_000_00),
      downPaymentReceivedJournal(55_000_00),
      milestoneApprovedJournal(30_000_00, 0),
      disbursementSentJournal(20_000_00),
      disbursementSentJournal(10_000_00),
      disbursementSettledJournal(20_000_00),
      disbursementSettledJournal(10_000_00),
      milestoneApprovedJournal(25_000_00, 5_000_00),
      disbursementSentJournal(30_000_00),
      disbursementFailedJournal(30_000_00),
      disbursementSentJournal(30_000_00),
      disbursementSettledJournal(30_000_00),
    ];
    const net = (account: keyof ReturnType<typeof trialBalance>['accounts']) => {
      const { debitHalalas, creditHalalas } = trialBalance(journals).accounts[account];
      return debitHalalas - creditHalalas;
    };
    expect(['DOWN_PAYMENT_HELD', 'CONTRACTOR_PAYABLE', 'PAYOUT_CLEARING', 'FUNDING'].map((account) => net(account as 'FUNDING'))).toEqual([0, 0, 0, 0]);
    expect(net('BANK')).toBe(-60_000_00);
  });

  it('leaves nothing held, funded or due to the customer once a project ended early is refunded, only the clawback claimed for them', () => {
    // SAR 30,000 quote, SAR 5,000 financed, SAR 25,000 down; M1 of SAR 15,000 paid from the down payment. The customer
    // repaid SAR 1,000 before the project stalled: SAR 4,000 is cancelled, SAR 1,000 refunded with the SAR 10,000 held.
    const journals = [
      planOpenedJournal(5_000_00),
      downPaymentReceivedJournal(25_000_00),
      paymentConfirmedJournal(1_000_00),
      milestoneApprovedJournal(15_000_00, 0),
      disbursementSentJournal(15_000_00),
      disbursementSettledJournal(15_000_00),
      undrawnFinancingCancelledJournal(4_000_00, 1_000_00),
      clawbackClaimedJournal(15_000_00),
      customerRefundedJournal(10_000_00, 1_000_00),
    ];
    const net = (account: keyof ReturnType<typeof trialBalance>['accounts']) => {
      const { debitHalalas, creditHalalas } = trialBalance(journals).accounts[account];
      return debitHalalas - creditHalalas;
    };
    expect(['CUSTOMER_RECEIVABLE', 'FUNDING', 'DOWN_PAYMENT_HELD', 'CUSTOMER_REFUNDS_DUE', 'CONTRACTOR_PAYABLE'].map((account) => net(account as 'FUNDING'))).toEqual([0, 0, 0, 0, 0]);
    expect([net('CONTRACTOR_RECEIVABLE'), net('CLAWBACK_DUE_TO_CUSTOMERS')]).toEqual([15_000_00, -15_000_00]);
  });

  it('puts a transfer returned after it settled back into the contractor payable', () => {
    const balance = trialBalance([milestoneApprovedJournal(1_000_00, 0), disbursementSentJournal(1_000_00), disbursementSettledJournal(1_000_00), disbursementReturnedJournal(1_000_00)]);
    expect(balance.accounts.CONTRACTOR_PAYABLE.creditHalalas - balance.accounts.CONTRACTOR_PAYABLE.debitHalalas).toBe(1_000_00);
    expect(balance.accounts.BANK).toEqual({ debitHalalas: 1_000_00, creditHalalas: 1_000_00 });
  });

  it('has total debits equal to total credits, and account columns adding up to them, for any set of journals', () => {
    fc.assert(
      fc.property(fc.array(anyJournal, { maxLength: 30 }), fc.boolean(), (journals, withReversals) => {
        const all = withReversals ? [...journals, ...journals.map(reverseJournal)] : journals;
        const balance = trialBalance(all);
        const accounts = Object.values(balance.accounts);
        expect(balance.debitHalalas).toBe(balance.creditHalalas);
        expect(accounts.reduce((sum, account) => sum + account.debitHalalas, 0)).toBe(balance.debitHalalas);
        expect(accounts.reduce((sum, account) => sum + account.creditHalalas, 0)).toBe(balance.creditHalalas);
      }),
    );
  });
});

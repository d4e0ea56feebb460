import { describe, expect, it } from 'vitest';
import { unappliedCashAppliedJournal, unappliedCashReceivedJournal, trialBalance, planOpenedJournal } from '../../../shared/ledger/domain/journal.ts';
import { confirmResolution, parseReconciliationRefundId, proposeResolution, REFUND_ATTEMPTS_PER_ITEM_MAX, rejectResolution, settleSuspenseRefund, type ReconciliationItem } from '../../../shared/payments/domain/reconciliation.ts';

const at = new Date('2026-12-02T10:00:00Z');
const open: ReconciliationItem = {
  itemId: '01JREC0000000000000000000A',
  status: 'OPEN',
  reason: 'AMOUNT_MISMATCH',
  amountHalalas: 12_345,
  gatewayEventId: 'evt_1',
  checkoutReference: 'chk_01JPAY000000000000000000A',
  reportedPlanId: '01JPLAN000000000000000000A',
  receivedAt: at,
  refundAttemptCount: 0,
};
const proposed = (proposedBy = 'ops-1', planId = '01JPLAN000000000000000000A'): ReconciliationItem => {
  const outcome = proposeResolution(open, { planId, proposedBy, proposedAt: at });
  if (outcome.kind !== 'proposed') throw new Error('expected a proposal');
  return outcome.item;
};

describe('a reconciliation item', () => {
  it('takes a proposal while open, answers the same proposal again unchanged, and refuses any other once proposed', () => {
    const item = proposed();

    expect(item).toMatchObject({ status: 'RESOLUTION_PROPOSED', proposal: { planId: '01JPLAN000000000000000000A', proposedBy: 'ops-1' } });
    expect(proposeResolution(item, { planId: '01JPLAN000000000000000000A', proposedBy: 'ops-1', proposedAt: at })).toEqual({ kind: 'unchanged', item });
    expect(proposeResolution(item, { planId: '01JPLAN000000000000000000B', proposedBy: 'ops-1', proposedAt: at })).toEqual({ kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_OPEN' });
    expect(proposeResolution(item, { planId: '01JPLAN000000000000000000A', proposedBy: 'ops-2', proposedAt: at })).toEqual({ kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_OPEN' });
  });

  it('needs a second, different staff user to confirm, naming the proposed plan again', () => {
    const item = proposed('ops-1');

    expect(confirmResolution(item, { planId: '01JPLAN000000000000000000A', confirmedBy: 'ops-1', confirmedAt: at })).toEqual({ kind: 'refused', code: 'FOUR_EYES_REQUIRED' });
    expect(confirmResolution(item, { planId: '01JPLAN000000000000000000B', confirmedBy: 'ops-2', confirmedAt: at })).toEqual({ kind: 'refused', code: 'RECONCILIATION_PROPOSAL_MISMATCH' });
    expect(confirmResolution(open, { planId: '01JPLAN000000000000000000A', confirmedBy: 'ops-2', confirmedAt: at })).toEqual({ kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_PROPOSED' });
    const confirmed = confirmResolution(item, { planId: '01JPLAN000000000000000000A', confirmedBy: 'ops-2', confirmedAt: at });
    expect(confirmed).toMatchObject({ kind: 'confirmed', item: { status: 'RESOLVED', resolution: { proposedBy: 'ops-1', confirmedBy: 'ops-2', planId: '01JPLAN000000000000000000A' } } });
  });

  it('answers a repeated confirmation of a resolved item unchanged, so money moves once', () => {
    const confirmed = confirmResolution(proposed('ops-1'), { planId: '01JPLAN000000000000000000A', confirmedBy: 'ops-2', confirmedAt: at });
    if (confirmed.kind !== 'confirmed') throw new Error('expected a confirmation');

    expect(confirmResolution(confirmed.item, { planId: '01JPLAN000000000000000000A', confirmedBy: 'ops-3', confirmedAt: at })).toEqual({ kind: 'unchanged', item: confirmed.item });
    expect(confirmResolution(confirmed.item, { planId: '01JPLAN000000000000000000B', confirmedBy: 'ops-3', confirmedAt: at })).toMatchObject({ kind: 'refused' });
  });
});

describe('refunding a reconciliation item', () => {
  const refundProposed = (item: ReconciliationItem): ReconciliationItem => {
    const outcome = proposeResolution(item, { refund: true, proposedBy: 'ops-1', proposedAt: at });
    if (outcome.kind !== 'proposed') throw new Error('expected a proposal');
    return outcome.item;
  };
  const confirmedRefund = (item: ReconciliationItem): ReconciliationItem => {
    const outcome = confirmResolution(item, { refund: true, confirmedBy: 'ops-2', confirmedAt: at });
    if (outcome.kind !== 'confirmed') throw new Error('expected a confirmation');
    return outcome.item;
  };

  it('waits for the gateway once confirmed by a second staff user, and names each attempt with its own refund id', () => {
    const requested = confirmedRefund(refundProposed(open));
    expect(confirmResolution(refundProposed(open), { planId: '01JPLAN000000000000000000A', confirmedBy: 'ops-2', confirmedAt: at })).toEqual({ kind: 'refused', code: 'RECONCILIATION_PROPOSAL_MISMATCH' });
    expect(requested).toMatchObject({ status: 'REFUND_REQUESTED', refundAttemptCount: 1, resolution: { refundId: `${open.itemId}-SUSPENSE-REFUND-1` } });
    expect(parseReconciliationRefundId(`${open.itemId}-SUSPENSE-REFUND-1`)).toEqual({ itemId: open.itemId, attempt: 1 });
    expect(parseReconciliationRefundId(`${open.itemId}-REFUND`)).toBeUndefined();
    expect(settleSuspenseRefund(requested, `${open.itemId}-SUSPENSE-REFUND-1`, 'SUCCEEDED', at)).toMatchObject({ status: 'RESOLVED' });
    const reopened = settleSuspenseRefund(requested, `${open.itemId}-SUSPENSE-REFUND-1`, 'FAILED', at);
    expect(reopened).toEqual({ ...open, refundAttemptCount: 1 });
    expect(settleSuspenseRefund(reopened!, `${open.itemId}-SUSPENSE-REFUND-1`, 'SUCCEEDED', at)).toBeUndefined();
    expect(confirmedRefund(refundProposed(reopened!)).resolution?.refundId).toBe(`${open.itemId}-SUSPENSE-REFUND-2`);
  });

  it('stops proposing refunds after the gateway failed as many as an item may ask for', () => {
    const exhausted = { ...open, refundAttemptCount: REFUND_ATTEMPTS_PER_ITEM_MAX };
    expect(proposeResolution(exhausted, { refund: true, proposedBy: 'ops-1', proposedAt: at })).toEqual({ kind: 'refused', code: 'RECONCILIATION_REFUND_ATTEMPTS_EXHAUSTED' });
    expect(proposeResolution(exhausted, { planId: '01JPLAN000000000000000000A', proposedBy: 'ops-1', proposedAt: at }).kind).toBe('proposed');
  });
});

describe('rejecting a proposal', () => {
  it('opens the item again for a new proposal, and is refused when there is no proposal', () => {
    const rejected = rejectResolution(proposed('ops-1', '01JPLAN000000000000000000B'));

    expect(rejected).toEqual({ kind: 'rejected', item: { ...open } });
    expect(rejectResolution(open)).toEqual({ kind: 'refused', code: 'RECONCILIATION_ITEM_NOT_PROPOSED' });
    if (rejected.kind === 'rejected') expect(proposeResolution(rejected.item, { planId: '01JPLAN000000000000000000A', proposedBy: 'ops-2', proposedAt: at }).kind).toBe('proposed');
  });
});

describe('suspense journals', () => {
  it('hold received money in UNAPPLIED_CASH and release it to the receivable, leaving suspense at zero', () => {
    const balance = trialBalance([planOpenedJournal(50_000), unappliedCashReceivedJournal(12_345), unappliedCashAppliedJournal(12_345)]);

    expect(balance.accounts.UNAPPLIED_CASH).toEqual({ debitHalalas: 12_345, creditHalalas: 12_345 });
    expect(balance.accounts.GATEWAY_CLEARING).toEqual({ debitHalalas: 12_345, creditHalalas: 0 });
    expect(balance.accounts.CUSTOMER_RECEIVABLE).toEqual({ debitHalalas: 50_000, creditHalalas: 12_345 });
    expect(balance.debitHalalas).toBe(balance.creditHalalas);
  });
});

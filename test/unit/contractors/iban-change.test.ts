import { describe, expect, it } from 'vitest';
import { confirmIbanChangeDecision, proposeIbanChangeDecision, type IbanChange } from '../../../shared/contractors/domain/iban-change.ts';

const requested: IbanChange = {
  changeId: 'C1',
  contractorId: 'K1',
  ibanCiphertext: 'ciphertext',
  maskedIban: 'SA** 20** **** **** **** 1234',
  requestedBy: 'admin',
  requestedAt: new Date('2027-01-01T09:00:00Z'),
  status: 'PENDING_REVIEW',
};
const proposal = { decision: 'APPROVE' as const, reason: 'Bank letter checked', proposedBy: 'ops-1', proposedAt: new Date('2027-01-01T10:00:00Z') };

describe('a change of a contractor IBAN', () => {
  it('takes one proposal, and only while it waits for review', () => {
    const proposed = proposeIbanChangeDecision(requested, proposal);
    expect(proposed).toMatchObject({ kind: 'ok', change: { status: 'PROPOSED', proposal } });
    expect(proposed.kind === 'ok' && proposeIbanChangeDecision(proposed.change, proposal)).toEqual({ kind: 'refused', code: 'IBAN_CHANGE_NOT_PENDING' });
  });

  it('is confirmed only by a staff user other than the proposer, and only once proposed', () => {
    expect(confirmIbanChangeDecision(requested, { confirmedBy: 'ops-2', confirmedAt: new Date() })).toEqual({ kind: 'refused', code: 'IBAN_CHANGE_NOT_PENDING' });
    const proposed = proposeIbanChangeDecision(requested, proposal);
    if (proposed.kind !== 'ok') throw new Error('not proposed');
    expect(confirmIbanChangeDecision(proposed.change, { confirmedBy: 'ops-1', confirmedAt: new Date() })).toEqual({ kind: 'refused', code: 'FOUR_EYES_REQUIRED' });
    const confirmedAt = new Date('2027-01-01T11:00:00Z');
    expect(confirmIbanChangeDecision(proposed.change, { confirmedBy: 'compliance-1', confirmedAt })).toEqual({
      kind: 'ok',
      change: { ...proposed.change, status: 'CONFIRMED', confirmedBy: 'compliance-1', confirmedAt },
    });
  });
});

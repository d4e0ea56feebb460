import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProposal, confirmDecision, CONTRACTOR_DECISIONS, CONTRACTOR_STATUSES, DECISION_TRANSITIONS, type ContractorDecision } from '../../../shared/contractors/domain/contractor.ts';

const proposedAt = new Date('2026-12-01T09:00:00Z');
const confirmedAt = new Date('2026-12-01T10:00:00Z');
const pending = (decision: ContractorDecision['decision'], proposedBy = 'ops-1'): ContractorDecision => ({
  decisionId: 'D1',
  contractorId: 'C1',
  decision,
  reason: 'checked',
  proposedBy,
  proposedAt,
  status: 'PENDING_CONFIRMATION',
});

describe('pre-qualification decisions', () => {
  it('may be proposed only from the status each decision applies to', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONTRACTOR_STATUSES), fc.constantFrom(...CONTRACTOR_DECISIONS), (status, decision) => {
        const allowed = DECISION_TRANSITIONS[decision].from.includes(status);
        expect(checkProposal(status, decision).kind).toBe(allowed ? 'allowed' : 'refused');
      }),
    );
    expect(checkProposal('PENDING_REVIEW', 'APPROVE').kind).toBe('allowed');
    expect(checkProposal('SUBMITTED', 'APPROVE').kind).toBe('refused');
    expect(checkProposal('APPROVED', 'SUSPEND').kind).toBe('allowed');
  });

  it('take effect only when a different staff user confirms them', () => {
    expect(confirmDecision(pending('APPROVE', 'ops-1'), 'PENDING_REVIEW', { confirmedBy: 'ops-1', confirmedAt })).toEqual({ kind: 'refused', code: 'FOUR_EYES_REQUIRED' });

    const confirmed = confirmDecision(pending('APPROVE', 'ops-1'), 'PENDING_REVIEW', { confirmedBy: 'compliance-1', confirmedAt });
    expect(confirmed).toMatchObject({ kind: 'confirmed', newStatus: 'APPROVED', decision: { status: 'CONFIRMED', confirmedBy: 'compliance-1', confirmedAt } });
  });

  it('lead to the status the decision names: approve, reject, suspend', () => {
    expect(confirmDecision(pending('REJECT'), 'PENDING_REVIEW', { confirmedBy: 'ops-2', confirmedAt })).toMatchObject({ newStatus: 'REJECTED' });
    expect(confirmDecision(pending('SUSPEND'), 'APPROVED', { confirmedBy: 'ops-2', confirmedAt })).toMatchObject({ newStatus: 'SUSPENDED' });
  });

  it('are confirmed once, and not at all when the contractor has moved on since the proposal', () => {
    const once = confirmDecision(pending('APPROVE'), 'PENDING_REVIEW', { confirmedBy: 'ops-2', confirmedAt });
    if (once.kind !== 'confirmed') throw new Error('expected a confirmation');
    expect(confirmDecision(once.decision, 'APPROVED', { confirmedBy: 'ops-3', confirmedAt })).toEqual({ kind: 'refused', code: 'CONTRACTOR_DECISION_NOT_PENDING' });
    expect(confirmDecision(pending('APPROVE'), 'REJECTED', { confirmedBy: 'ops-2', confirmedAt })).toEqual({ kind: 'refused', code: 'CONTRACTOR_STATUS_CONFLICT' });
  });
});

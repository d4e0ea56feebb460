import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideOutcome, disbursementIdOf, parseDisbursementId, type Disbursement } from '../../../shared/projects/domain/disbursement.ts';
import {
  acceptAgreement,
  approveMilestone,
  confirmInstallation,
  DEFAULT_PROJECT_POLICY,
  disputeInstallation,
  flagStalled,
  issueNoticeToProceed,
  milestoneAmounts,
  openProject,
  receiveDownPayment,
  settleDisbursement,
  splitUnderLimit,
  submitMilestone,
  TRANSFERS_PER_MILESTONE_MAX,
  type Project,
} from '../../../shared/projects/domain/project.ts';

const PROJECT_ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const T0 = new Date('2027-01-10T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const policy = { ...DEFAULT_PROJECT_POLICY, noticeToProceedToMilestoneOneSeconds: 100, milestoneOneToMilestoneTwoSeconds: 100, installationConfirmationSeconds: 50 };

function opened(overrides: Partial<Parameters<typeof openProject>[0]> = {}): Project {
  return openProject(
    { planId: PROJECT_ID, customerId: 'C', contractorId: 'K', requestId: 'R', quoteId: 'Q', totalHalalas: 6_555_001, downPaymentHalalas: 6_055_001, financedHalalas: 500_000, coolingOffEndsAt: at(10), ...overrides },
    T0,
    policy,
  );
}

const moved = (transition: { kind: string; project?: Project; refusal?: string }): Project => {
  if (transition.kind !== 'moved' || transition.project === undefined) throw new Error(`refused: ${transition.refusal}`);
  return transition.project;
};
const files = [{ fileId: 'F1', kind: 'SIGNED_INSTALLATION_CONTRACT' as const, contentType: 'application/pdf', sizeBytes: 10 }];
const photos = [{ fileId: 'F2', kind: 'INSTALLATION_PHOTO' as const, contentType: 'image/png', sizeBytes: 10 }];

/** A project that reached M2_SUBMITTED with M1 approved, at `at(30)`. */
function atM2Submitted(): Project {
  let project = moved(receiveDownPayment(opened(), 6_055_001, at(1), 'P1'));
  project = moved(acceptAgreement({ ...project, installationAddressProvided: true }, { termsVersion: 'v', termsSha256: 'x', acceptedAt: at(2), acceptedBy: 'C' }));
  project = moved(issueNoticeToProceed(project, at(10), policy));
  project = moved(submitMilestone(project, 'M1', { files, secReferenceNumber: 'SEC-1', submittedBy: 'K', submittedAt: at(20) }, policy));
  const approval = approveMilestone(project, 'M1', 'D1', at(25), policy);
  if (approval.kind !== 'approved') throw new Error('M1 not approved');
  return moved(submitMilestone(approval.approval.project, 'M2', { files: photos, secReferenceNumber: 'SEC-2', submittedBy: 'K', submittedAt: at(30) }, policy));
}

describe('a project', () => {
  it('splits the quote into M1 at its basis points rounded half up and M2 the rest, summing exactly, for any total and split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000_000_00 }), fc.integer({ min: 1_000, max: 9_000 }), (totalHalalas, basisPoints) => {
        const { M1, M2 } = milestoneAmounts(totalHalalas, basisPoints);
        expect(M1 + M2).toBe(totalHalalas);
        expect(Math.abs(M1 * 10_000 - totalHalalas * basisPoints)).toBeLessThanOrEqual(5_000);
      }),
    );
  });

  it('pays a milestone in the fewest transfers within the limit, as equal as halalas allow, summing exactly to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000_000_00 }), fc.integer({ min: 1_000_00, max: 100_000_00 }), (amountHalalas, limitHalalas) => {
        fc.pre(Math.ceil(amountHalalas / limitHalalas) <= TRANSFERS_PER_MILESTONE_MAX);
        const transfers = splitUnderLimit(amountHalalas, limitHalalas);
        expect(transfers.reduce((sum, transfer) => sum + transfer, 0)).toBe(amountHalalas);
        expect(transfers.length).toBe(Math.ceil(amountHalalas / limitHalalas));
        expect(Math.max(...transfers)).toBeLessThanOrEqual(limitHalalas);
        expect(Math.max(...transfers) - Math.min(...transfers)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses a split that would need more transfers than one approval may create', () => {
    expect(() => splitUnderLimit(21 * 1_000_00, 1_000_00)).toThrow(RangeError);
  });

  it('starts without a down payment step when the quote is fully financed', () => {
    expect(opened({ downPaymentHalalas: 0, financedHalalas: 6_555_001 }).status).toBe('AWAITING_AGREEMENT');
  });

  it('takes only the exact down payment, and only while awaiting it', () => {
    expect(receiveDownPayment(opened(), 6_055_000, at(1), 'P1')).toEqual({ kind: 'refused', refusal: 'PROJECT_STATUS_CONFLICT' });
    const received = moved(receiveDownPayment(opened(), 6_055_001, at(1), 'P1'));
    expect(received).toMatchObject({ status: 'AWAITING_AGREEMENT', heldDownPaymentHalalas: 6_055_001 });
    expect(receiveDownPayment(received, 6_055_001, at(2), 'P1').kind).toBe('refused');
  });

  it('needs the installation address before the agreement, and gives notice to proceed only once cooling-off has ended', () => {
    const received = moved(receiveDownPayment(opened(), 6_055_001, at(1), 'P1'));
    expect(acceptAgreement(received, { termsVersion: 'v', termsSha256: 'x', acceptedAt: at(2), acceptedBy: 'C' })).toEqual({ kind: 'refused', refusal: 'INSTALLATION_ADDRESS_REQUIRED' });
    const agreed = moved(acceptAgreement({ ...received, installationAddressProvided: true }, { termsVersion: 'v', termsSha256: 'x', acceptedAt: at(2), acceptedBy: 'C' }));
    expect(issueNoticeToProceed(agreed, at(9), policy).kind).toBe('refused');
    expect(moved(issueNoticeToProceed(agreed, at(10), policy))).toMatchObject({ status: 'NOTICE_TO_PROCEED', stageDeadlineAt: at(110) });
  });

  it('draws an approval from the held down payment first and the financing for the rest', () => {
    const submitted = atM2Submitted();
    // M1 (3,277,501) took it all from the 6,055,001 held; M2 (3,277,500) takes the 2,777,500 left, then 500,000 financed.
    expect(submitted.heldDownPaymentHalalas).toBe(2_777_500);
    const approval = approveMilestone(moved(confirmInstallation(submitted, { confirmedAt: at(31), confirmedBy: 'C', deemed: false })), 'M2', 'D2', at(32), policy);
    expect(approval.kind === 'approved' && [approval.approval.fromDownPaymentHalalas, approval.approval.fromFundingHalalas]).toEqual([2_777_500, 500_000]);
  });

  it('holds M2 until the customer confirms, disputes, or stays silent past the window', () => {
    const submitted = atM2Submitted();
    expect(submitted.confirmationDueAt).toEqual(at(80));
    expect(approveMilestone(submitted, 'M2', 'D2', at(31), policy)).toEqual({ kind: 'refused', refusal: 'INSTALLATION_NOT_CONFIRMED' });
    expect(confirmInstallation(submitted, { confirmedAt: at(79), confirmedBy: 'system', deemed: true }).kind).toBe('refused');
    const deemed = moved(confirmInstallation(submitted, { confirmedAt: at(80), confirmedBy: 'system', deemed: true }));
    expect(approveMilestone(deemed, 'M2', 'D2', at(81), policy).kind).toBe('approved');
    const disputed = moved(disputeInstallation(submitted, { reason: 'Panels missing', disputedAt: at(40), disputedBy: 'C' }));
    expect(confirmInstallation(disputed, { confirmedAt: at(41), confirmedBy: 'C', deemed: false }).kind).toBe('refused');
    expect(approveMilestone(disputed, 'M2', 'D2', at(42), policy).kind).toBe('approved');
  });

  it('flags a project past its stage deadline once per stage', () => {
    const proceeding = moved(issueNoticeToProceed(moved(acceptAgreement({ ...moved(receiveDownPayment(opened(), 6_055_001, at(1), 'P1')), installationAddressProvided: true }, { termsVersion: 'v', termsSha256: 'x', acceptedAt: at(2), acceptedBy: 'C' })), at(10), policy));
    expect(flagStalled(proceeding, at(109))).toBeUndefined();
    const flagged = flagStalled(proceeding, at(110));
    expect(flagged?.stalled).toEqual({ stage: 'M1', flaggedAt: at(110), deadlineAt: at(110) });
    expect(flagStalled(flagged!, at(500))).toBeUndefined();
  });

  it('completes only when M2 is approved and its last open disbursement settles', () => {
    const submitted = moved(confirmInstallation(atM2Submitted(), { confirmedAt: at(31), confirmedBy: 'C', deemed: false }));
    const approval = approveMilestone({ ...submitted, unsettledDisbursementCount: 0 }, 'M2', 'D2', at(32), { ...policy, payoutTransferLimitHalalas: 2_000_000 });
    if (approval.kind !== 'approved') throw new Error('M2 not approved');
    expect(approval.approval.project.unsettledDisbursementCount).toBe(2);
    const once = settleDisbursement(approval.approval.project, at(40));
    expect(once.status).toBe('M2_APPROVED');
    expect(settleDisbursement(once, at(41))).toMatchObject({ status: 'COMPLETED', completedAt: at(41) });
  });
});

describe('a disbursement', () => {
  const requested: Disbursement = {
    disbursementId: disbursementIdOf(PROJECT_ID, 'M1', 2),
    projectId: PROJECT_ID,
    contractorId: 'K',
    milestone: 'M1',
    sequence: 2,
    amountHalalas: 1_000_00,
    status: 'REQUESTED',
    requestedAt: T0,
  };

  it('names its project, milestone and sequence in its id, and ids we never issued name nothing', () => {
    expect(parseDisbursementId(requested.disbursementId)).toEqual({ projectId: PROJECT_ID, milestone: 'M1', sequence: 2 });
    expect(parseDisbursementId('not-ours')).toBeUndefined();
  });

  it('settles only after it was sent, and answers a settlement ahead of its sending with retry-later', () => {
    expect(decideOutcome(requested, 'SETTLED', T0, undefined).kind).toBe('retry-later');
    const sent = { ...requested, status: 'SENT' as const };
    expect(decideOutcome(sent, 'SETTLED', T0, undefined)).toMatchObject({ kind: 'apply', movement: 'CLEARING_TO_BANK' });
    expect(decideOutcome({ ...sent, status: 'SETTLED' }, 'SETTLED', T0, undefined).kind).toBe('already');
  });

  it('puts the money back into the payable when a sent transfer fails or a settled one returns, and moves nothing when refused before sending', () => {
    expect(decideOutcome(requested, 'FAILED', T0, 'CLOSED')).toMatchObject({ kind: 'apply', movement: 'NONE' });
    expect(decideOutcome({ ...requested, status: 'SENT' }, 'FAILED', T0, 'CLOSED')).toMatchObject({ kind: 'apply', movement: 'CLEARING_TO_PAYABLE' });
    expect(decideOutcome({ ...requested, status: 'SETTLED' }, 'RETURNED', T0, 'RETURNED')).toMatchObject({ kind: 'apply', movement: 'BANK_TO_PAYABLE' });
    expect(decideOutcome({ ...requested, status: 'SETTLED' }, 'FAILED', T0, 'LATE').kind).toBe('contradicts');
  });
});

/**
 * An installation project over HTTP, from a financed quote to the contractor paid in full: the down payment through
 * the gateway, the installation address with consent, the agreement by digest, notice to proceed once the cooling-off
 * window (shortened here to seconds) ends, M1 and M2 evidence through presigned forms, four-eyes approvals, and
 * payouts settled through the payout simulator's signed webhook. Plus who may see what along the way.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { ulidGenerator } from '../../shared/kernel/clock-and-ids.ts';
import { addMonthsClamped, riyadhCalendarDate } from '../../shared/kernel/calendar-date.ts';
import { apiClient, type Tokens } from '../support/api-client.ts';
import { assessedCustomer } from '../support/customer-setup.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import {
  agreedProject,
  approvedInstaller as approvedInstallerOf,
  approveMilestone,
  financedProject as financedProjectOf,
  PNG,
  projectReaches,
  submitMilestone,
  uploadEvidence as uploadEvidenceOf,
  type ProjectView,
} from '../support/project-setup.ts';
import { signIn } from '../support/sign-in.ts';

interface ErrorBody {
  error: { code: string };
}
type Project = ProjectView;
interface Disbursement {
  disbursementId: string;
  milestone: string;
  amountHalalas: number;
  status: string;
}

/** A valid body for every route that names a project and takes one, so that only who calls can decide the answer. */
const VALID_BODIES: Readonly<Record<string, unknown>> = {
  PayDownPayment: { method: 'MADA' },
  ProvideInstallationAddress: { address: { buildingNumber: '2715', street: 'King Fahd Road', district: 'Al Olaya', city: 'Riyadh', postalCode: '12212', additionalNumber: '8123' }, consentToShareWithContractor: true },
  AcceptAgreement: { termsVersion: 'rabhan-solar-bnpl-2026-12', termsSha256: '0'.repeat(64) },
  RequestEvidenceUpload: { contentType: 'image/png' },
  SubmitMilestone: { files: [{ fileId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', kind: 'SIGNED_INSTALLATION_CONTRACT' }], secReferenceNumber: 'SEC-APP-1001' },
  ProposeMilestoneDecision: { decision: 'APPROVE', reason: 'Checked' },
  DisputeInstallation: { reason: 'Two panels missing' },
};
const projectRoutes = routeList.filter((route) => route.path.includes('{projectId}'));

/** Shortened so that notice to proceed follows acceptance within the test; restored after. */
const COOLING_OFF_SECONDS = '4';
const ADDRESS = { buildingNumber: '2715', street: 'King Fahd Road', district: 'Al Olaya', city: 'Riyadh', postalCode: '12212', additionalNumber: '8123' };

describe('an installation project over HTTP', () => {
  let runtime: LocalRuntime;
  let ops: Tokens;
  let compliance: Tokens;
  let previousCoolingOff: string | undefined;
  const api = () => apiClient(runtime.baseUrl);
  const withKey = () => ({ 'idempotency-key': randomUUID() });

  const approvedInstaller = () => approvedInstallerOf(runtime.baseUrl, { ops, compliance });

  /** A customer's plan financing an installer's quote of SAR 65,550.01: the project it opens. */
  async function financedProject(customer: Tokens, installer: Tokens): Promise<Project> {
    const project = await financedProjectOf(runtime.baseUrl, customer, installer);
    const plan = await api().call<{ projectId: string; scheduleStatus: string }>('GET', `/v1/plans/${project.planId}`, { token: customer.accessToken });
    expect(plan.body).toMatchObject({ projectId: project.projectId, scheduleStatus: 'PROVISIONAL' });
    return project;
  }

  const uploadEvidence = (installer: Tokens, projectId: string, milestone: 'M1' | 'M2', contentType: string) => uploadEvidenceOf(runtime.baseUrl, installer, projectId, milestone, contentType);

  async function approve(projectId: string, milestone: 'M1' | 'M2'): Promise<{ disbursementIds: string[] }> {
    const proposed = await api().call<{ decisionId: string }>('POST', `/v1/ops/projects/${projectId}/milestones/${milestone}/decisions`, { token: ops.accessToken, body: { decision: 'APPROVE', reason: 'Evidence checked' } });
    expect(proposed.status).toBe(201);
    const confirmed = await api().call<{ disbursementIds: string[]; projectStatus: string }>('POST', `/v1/ops/projects/${projectId}/milestones/${milestone}/decisions/${proposed.body.decisionId}/confirmation`, {
      token: compliance.accessToken,
    });
    expect(confirmed.status).toBe(200);
    return confirmed.body;
  }

  const disbursementsSettled = (customer: Tokens, projectId: string, milestone: string) =>
    eventually(
      async () => {
        const listed = await api().call<{ disbursements: Disbursement[] }>('GET', `/v1/projects/${projectId}/disbursements`, { token: customer.accessToken });
        const ofMilestone = listed.body.disbursements.filter((disbursement) => disbursement.milestone === milestone);
        return ofMilestone.length > 0 && ofMilestone.every((disbursement) => disbursement.status === 'SETTLED') ? ofMilestone : undefined;
      },
      { description: `${milestone} payouts settled` },
    );

  beforeAll(async () => {
    previousCoolingOff = process.env.POLICY_COOLING_OFF_SECONDS;
    process.env.POLICY_COOLING_OFF_SECONDS = COOLING_OFF_SECONDS;
    runtime = await startTestRuntime();
    ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
    compliance = await signIn(runtime.baseUrl, TEST_IDENTITIES.complianceStaff.nationalId);
  });

  afterAll(async () => {
    await runtime?.stop();
    if (previousCoolingOff === undefined) delete process.env.POLICY_COOLING_OFF_SECONDS;
    else process.env.POLICY_COOLING_OFF_SECONDS = previousCoolingOff;
  });

  it('pays the contractor the whole quote in two four-eyes milestones, and leaves nothing held or payable', async () => {
    const customer = await assessedCustomer(runtime.baseUrl);
    const installer = await approvedInstaller();
    const project = await financedProject(customer, installer);
    const { projectId } = project;
    expect(project).toMatchObject({ status: 'AWAITING_DOWN_PAYMENT', totalHalalas: 6_555_001 });
    expect(project.downPaymentHalalas + project.financedHalalas).toBe(6_555_001);
    // M1 is 50 % rounded half up, M2 the rest: the two sum exactly to the total.
    expect(project.milestones).toMatchObject({ M1: { amountHalalas: 3_277_501 }, M2: { amountHalalas: 3_277_500 } });
    const exposureBefore = await api().call<{ outstandingHalalas: number }>('GET', '/v1/customers/me/exposure', { token: customer.accessToken });

    // The down payment goes through the gateway and is held for the contractor: the plan owes what it owed.
    const downPayment = await api().call<{ purpose: string; amountHalalas: number }>('POST', `/v1/projects/${projectId}/down-payment`, { token: customer.accessToken, headers: withKey(), body: { method: 'MADA' } });
    expect(downPayment.status).toBe(201);
    expect(downPayment.body).toMatchObject({ purpose: 'DOWN_PAYMENT', amountHalalas: project.downPaymentHalalas });
    await eventually(async () => ((await api().call<Project>('GET', `/v1/projects/${projectId}`, { token: customer.accessToken })).body.status === 'AWAITING_AGREEMENT' ? true : undefined), {
      description: 'the down payment received',
    });
    const plan = await api().call<{ outstandingHalalas: number }>('GET', `/v1/plans/${project.planId}`, { token: customer.accessToken });
    expect(plan.body.outstandingHalalas).toBe(project.financedHalalas);
    const exposureAfter = await api().call<{ outstandingHalalas: number }>('GET', '/v1/customers/me/exposure', { token: customer.accessToken });
    expect(exposureAfter.body.outstandingHalalas).toBe(exposureBefore.body.outstandingHalalas);

    // The address needs consent; the contractor then sees it with the customer's name and phone.
    const noConsent = await api().call<ErrorBody>('PUT', `/v1/projects/${projectId}/installation-address`, { token: customer.accessToken, body: { address: ADDRESS, consentToShareWithContractor: false } });
    expect([noConsent.status, noConsent.body.error.code]).toEqual([422, 'CONSENT_REQUIRED']);
    const hiddenSite = await api().call<ErrorBody>('GET', `/v1/projects/${projectId}/installation-site`, { token: installer.accessToken });
    expect(hiddenSite.status).toBe(404);
    const earlyAgreement = await api().call<{ termsVersion: string; termsSha256: string }>('GET', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken });
    const withoutAddress = await api().call<ErrorBody>('POST', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken, headers: withKey(), body: { termsVersion: earlyAgreement.body.termsVersion, termsSha256: earlyAgreement.body.termsSha256 } });
    expect([withoutAddress.status, withoutAddress.body.error.code]).toEqual([409, 'INSTALLATION_ADDRESS_REQUIRED']);
    const addressed = await api().call('PUT', `/v1/projects/${projectId}/installation-address`, { token: customer.accessToken, body: { address: ADDRESS, consentToShareWithContractor: true } });
    expect(addressed.status).toBe(200);
    const site = await api().call<{ address: typeof ADDRESS; customer: { phone: string } }>('GET', `/v1/projects/${projectId}/installation-site`, { token: installer.accessToken });
    expect(site.status).toBe(200);
    expect(site.body.address).toEqual(ADDRESS);
    expect(site.body.customer.phone).toMatch(/^\+9665\d{8}$/);

    // The agreement is accepted by its digest, once; then the project waits out the cooling-off window.
    const agreement = await api().call<{ termsVersion: string; termsSha256: string; terms: { feesHalalas: number } }>('GET', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken });
    expect(agreement.body.terms.feesHalalas).toBe(0);
    const wrongDigest = await api().call<ErrorBody>('POST', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken, headers: withKey(), body: { termsVersion: agreement.body.termsVersion, termsSha256: '0'.repeat(64) } });
    expect([wrongDigest.status, wrongDigest.body.error.code]).toEqual([409, 'AGREEMENT_TERMS_CHANGED']);
    const acceptKey = withKey();
    const accepted = await api().call<Project>('POST', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken, headers: acceptKey, body: { termsVersion: agreement.body.termsVersion, termsSha256: agreement.body.termsSha256 } });
    const retried = await api().call<Project>('POST', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken, headers: acceptKey, body: { termsVersion: agreement.body.termsVersion, termsSha256: agreement.body.termsSha256 } });
    expect([accepted.status, retried.status]).toEqual([200, 200]);
    expect(retried.body).toEqual(accepted.body);
    expect(['COOLING_OFF', 'NOTICE_TO_PROCEED']).toContain(accepted.body.status);

    // Notice to proceed fixes the schedule: the first installment a month after it.
    await eventually(async () => ((await api().call<Project>('GET', `/v1/projects/${projectId}`, { token: installer.accessToken })).body.status === 'NOTICE_TO_PROCEED' ? true : undefined), {
      description: 'notice to proceed',
      timeoutMilliseconds: 30_000,
    });
    const fixed = await api().call<{ scheduleStatus: string; installments: { dueDate: string }[] }>('GET', `/v1/plans/${project.planId}`, { token: customer.accessToken });
    expect(fixed.body.scheduleStatus).toBe('FIXED');
    expect([addMonthsClamped(riyadhCalendarDate(new Date(Date.now() - 60_000)), 1), addMonthsClamped(riyadhCalendarDate(new Date()), 1)]).toContain(fixed.body.installments[0]?.dueDate);

    // M1: the contract and the SEC application number; approval with four eyes, paid in transfers under the limit.
    const contract = await uploadEvidence(installer, projectId, 'M1', 'application/pdf');
    const notUploaded = await api().call<ErrorBody>('POST', `/v1/projects/${projectId}/milestones/M1/submission`, {
      token: installer.accessToken,
      body: { files: [{ fileId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', kind: 'SIGNED_INSTALLATION_CONTRACT' }], secReferenceNumber: 'SEC-APP-1001' },
    });
    expect([notUploaded.status, notUploaded.body.error.code]).toEqual([422, 'EVIDENCE_FILE_NOT_UPLOADED']);
    const submitted = await api().call<Project>('POST', `/v1/projects/${projectId}/milestones/M1/submission`, {
      token: installer.accessToken,
      body: { files: [{ fileId: contract, kind: 'SIGNED_INSTALLATION_CONTRACT' }], secReferenceNumber: 'SEC-APP-1001' },
    });
    expect(submitted.body.status).toBe('M1_SUBMITTED');
    const evidence = await api().call<{ files: { downloadUrl: string }[] }>('GET', `/v1/projects/${projectId}/milestones/M1/evidence`, { token: customer.accessToken });
    const downloaded = await fetch(evidence.body.files[0]!.downloadUrl);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PNG);
    const selfConfirmed = await api().call<{ decisionId: string }>('POST', `/v1/ops/projects/${projectId}/milestones/M1/decisions`, { token: ops.accessToken, body: { decision: 'APPROVE', reason: 'Looks right' } });
    const refused = await api().call<ErrorBody>('POST', `/v1/ops/projects/${projectId}/milestones/M1/decisions/${selfConfirmed.body.decisionId}/confirmation`, { token: ops.accessToken });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FOUR_EYES_REQUIRED']);
    const m1 = await api().call<{ disbursementIds: string[]; projectStatus: string }>('POST', `/v1/ops/projects/${projectId}/milestones/M1/decisions/${selfConfirmed.body.decisionId}/confirmation`, {
      token: compliance.accessToken,
    });
    expect(m1.body.projectStatus).toBe('M1_APPROVED');
    // SAR 32,775.01 is above the SAR 20,000 transfer limit: two transfers that sum exactly to it.
    expect(m1.body.disbursementIds).toHaveLength(2);
    const m1Paid = await disbursementsSettled(customer, projectId, 'M1');
    expect(m1Paid.reduce((sum, disbursement) => sum + disbursement.amountHalalas, 0)).toBe(3_277_501);

    // M2: photos and the SEC approval; not approved before the customer confirms the installation.
    const photo = await uploadEvidence(installer, projectId, 'M2', 'image/png');
    await api().call('POST', `/v1/projects/${projectId}/milestones/M2/submission`, {
      token: installer.accessToken,
      body: { files: [{ fileId: photo, kind: 'INSTALLATION_PHOTO' }], secReferenceNumber: 'SEC-OK-2002' },
    });
    const unconfirmed = await api().call<ErrorBody>('POST', `/v1/ops/projects/${projectId}/milestones/M2/decisions`, { token: ops.accessToken, body: { decision: 'APPROVE', reason: 'Photos fine' } });
    expect([unconfirmed.status, unconfirmed.body.error.code]).toEqual([409, 'INSTALLATION_NOT_CONFIRMED']);
    const confirmed = await api().call<Project>('POST', `/v1/projects/${projectId}/installation-confirmation`, { token: customer.accessToken });
    expect(confirmed.status).toBe(200);
    await approve(projectId, 'M2');
    await disbursementsSettled(customer, projectId, 'M2');

    const completed = await eventually(async () => {
      const read = await api().call<Project>('GET', `/v1/projects/${projectId}`, { token: customer.accessToken });
      return read.body.status === 'COMPLETED' ? read.body : undefined;
    }, { description: 'the project completed' });
    expect(completed.status).toBe('COMPLETED');
    const statement = await api().call<{ payableHalalas: number; approvedHalalas: number; paidHalalas: number }>('GET', '/v1/contractors/me/statement', { token: installer.accessToken });
    expect(statement.body).toMatchObject({ payableHalalas: 0, approvedHalalas: 6_555_001, paidHalalas: 6_555_001 });
    const trial = await api().call<{ debitHalalas: number; creditHalalas: number; balanced: boolean; accounts: Record<string, { debitHalalas: number }> }>('GET', '/v1/ops/ledger/trial-balance', { token: ops.accessToken });
    expect(trial.status).toBe(200);
    expect(trial.body).toMatchObject({ balanced: true, creditHalalas: trial.body.debitHalalas });
    expect(trial.body.accounts.PAYOUT_CLEARING?.debitHalalas).toBeGreaterThan(0);
  }, 240_000);

  it('has a valid body for every route that names a project and takes one', () => {
    expect(projectRoutes.filter((route) => route.request.body !== undefined).map((route) => route.id).sort()).toEqual(Object.keys(VALID_BODIES).sort());
  });

  it('cancels a project before notice to proceed with its plan, releases the exposure and refunds the held down payment, once', async () => {
    const customer = await assessedCustomer(runtime.baseUrl);
    const installer = await approvedInstaller();
    const project = await financedProject(customer, installer);
    const { projectId } = project;
    const exposureBefore = await api().call<{ outstandingHalalas: number }>('GET', '/v1/customers/me/exposure', { token: customer.accessToken });
    await api().call('POST', `/v1/projects/${projectId}/down-payment`, { token: customer.accessToken, headers: withKey(), body: { method: 'MADA' } });
    await eventually(async () => ((await api().call<Project>('GET', `/v1/projects/${projectId}`, { token: customer.accessToken })).body.status === 'AWAITING_AGREEMENT' ? true : undefined), {
      description: 'the down payment received',
    });

    const throughPlan = await api().call<ErrorBody>('POST', `/v1/plans/${project.planId}/cancellation`, { token: customer.accessToken, headers: withKey() });
    expect([throughPlan.status, throughPlan.body.error.code]).toEqual([409, 'PLAN_CANCELLED_WITH_ITS_PROJECT']);
    const key = withKey();
    const cancelled = await api().call<Project & { refund: { amountHalalas: number; status: string } }>('POST', `/v1/projects/${projectId}/cancellation`, { token: customer.accessToken, headers: key });
    const retried = await api().call<Project>('POST', `/v1/projects/${projectId}/cancellation`, { token: customer.accessToken, headers: key });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', refund: { amountHalalas: project.downPaymentHalalas, status: 'REQUESTED' } });
    expect(retried.body).toEqual(cancelled.body);
    const again = await api().call<ErrorBody>('POST', `/v1/projects/${projectId}/cancellation`, { token: customer.accessToken, headers: withKey() });
    expect([again.status, again.body.error.code]).toEqual([409, 'PROJECT_STATUS_CONFLICT']);

    const plan = await api().call<{ status: string }>('GET', `/v1/plans/${project.planId}`, { token: customer.accessToken });
    expect(plan.body.status).toBe('CANCELLED');
    const exposureAfter = await api().call<{ outstandingHalalas: number }>('GET', '/v1/customers/me/exposure', { token: customer.accessToken });
    expect(exposureAfter.body.outstandingHalalas).toBe(exposureBefore.body.outstandingHalalas - project.financedHalalas);
    await eventually(async () => {
      const read = await api().call<{ refund?: { status: string } }>('GET', `/v1/projects/${projectId}`, { token: customer.accessToken });
      return read.body.refund?.status === 'SUCCEEDED' ? true : undefined;
    }, { description: 'the refund settled by the gateway' });
    const statement = await api().call<{ journals: { description: string; entries: { account: string; side: string; amountHalalas: number }[] }[] }>('GET', `/v1/plans/${project.planId}/statement`, { token: customer.accessToken });
    const held = statement.body.journals.flatMap((journal) => journal.entries).filter((entry) => entry.account === 'DOWN_PAYMENT_HELD');
    expect(held.map((entry) => [entry.side, entry.amountHalalas])).toEqual([
      ['CREDIT', project.downPaymentHalalas],
      ['DEBIT', project.downPaymentHalalas],
    ]);
  }, 180_000);

  it('holds a contractor’s payouts while a change of its IBAN waits for two staff users, and pays them once it is confirmed', async () => {
    const customer = await assessedCustomer(runtime.baseUrl);
    const installer = await approvedInstaller();
    const { projectId } = await financedProject(customer, installer);
    await agreedProject(runtime.baseUrl, customer, projectId);
    await projectReaches(runtime.baseUrl, customer, projectId, 'NOTICE_TO_PROCEED');
    await submitMilestone(runtime.baseUrl, installer, projectId, 'M1');

    const requested = await api().call<{ changeId: string; maskedIban: string; status: string }>('POST', '/v1/contractors/me/iban-changes', { token: installer.accessToken, body: { iban: 'SA4420000001234567891234' } });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'PENDING_REVIEW', maskedIban: expect.not.stringContaining('1234567891') });
    const twice = await api().call<ErrorBody>('POST', '/v1/contractors/me/iban-changes', { token: installer.accessToken, body: { iban: 'SA4420000001234567891234' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'IBAN_CHANGE_PENDING']);
    const approved = await approveMilestone(runtime.baseUrl, { ops, compliance }, projectId, 'M1');
    expect(approved.body.projectStatus).toBe('M1_APPROVED');
    // The payouts queue has had time to act: the transfers wait, unsent.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const waiting = await api().call<{ disbursements: Disbursement[] }>('GET', `/v1/projects/${projectId}/disbursements`, { token: customer.accessToken });
    expect(waiting.body.disbursements.map((disbursement) => disbursement.status)).toEqual(['REQUESTED', 'REQUESTED']);

    const { contractorId } = (await api().call<{ contractorId: string }>('GET', '/v1/contractors/me', { token: installer.accessToken })).body;
    const base = `/v1/ops/contractors/${contractorId}/iban-changes/${requested.body.changeId}`;
    await api().call('POST', `${base}/decision`, { token: ops.accessToken, body: { decision: 'APPROVE', reason: 'Bank letter checked against the company name' } });
    const self = await api().call<ErrorBody>('POST', `${base}/confirmation`, { token: ops.accessToken });
    expect([self.status, self.body.error.code]).toEqual([403, 'FOUR_EYES_REQUIRED']);
    const confirmed = await api().call<{ status: string }>('POST', `${base}/confirmation`, { token: compliance.accessToken });
    expect(confirmed.body.status).toBe('CONFIRMED');
    const own = await api().call<{ maskedIban: string }>('GET', '/v1/contractors/me', { token: installer.accessToken });
    expect(own.body.maskedIban).toBe(requested.body.maskedIban);
    await disbursementsSettled(customer, projectId, 'M1');
  }, 180_000);

  it('shows a project only to its customer, its contractor and staff, and lets only its contractor upload evidence', async () => {
    const customer = await assessedCustomer(runtime.baseUrl);
    const installer = await approvedInstaller();
    const { projectId } = await financedProject(customer, installer);
    const stranger = await assessedCustomer(runtime.baseUrl);
    const otherInstaller = await approvedInstaller();

    const seen = await Promise.all([customer, installer, ops, compliance, stranger, otherInstaller].map(async (who) => (await api().call('GET', `/v1/projects/${projectId}`, { token: who.accessToken })).status));
    expect(seen).toEqual([200, 200, 200, 200, 404, 404]);
    const customerUpload = await api().call<ErrorBody>('POST', `/v1/projects/${projectId}/milestones/M1/uploads`, { token: customer.accessToken, body: { contentType: 'image/png' } });
    expect(customerUpload.status).toBe(404);
    const evidenceForStranger = await api().call('GET', `/v1/projects/${projectId}/milestones/M1/evidence`, { token: stranger.accessToken });
    expect(evidenceForStranger.status).toBe(404);
    const ownList = await api().call<{ projects: Project[] }>('GET', '/v1/contractors/me/projects', { token: installer.accessToken });
    const otherList = await api().call<{ projects: Project[] }>('GET', '/v1/contractors/me/projects', { token: otherInstaller.accessToken });
    expect(ownList.body.projects.map((project) => project.projectId)).toContain(projectId);
    expect(otherList.body.projects.map((project) => project.projectId)).not.toContain(projectId);
    const customersList = await api().call<{ projects: Project[] }>('GET', '/v1/projects', { token: customer.accessToken });
    expect(customersList.body.projects.map((project) => project.projectId)).toEqual([projectId]);
    // Every route that names a project answers a stranger as if it did not exist, and staff-only ones refuse them.
    for (const route of projectRoutes) {
      const path = route.path.replace('{projectId}', projectId).replace('{milestone}', 'M1').replace('{decisionId}', ulidGenerator.newId());
      const answer = await api().call<ErrorBody>(route.method, path, { token: stranger.accessToken, headers: withKey(), ...(VALID_BODIES[route.id] === undefined ? {} : { body: VALID_BODIES[route.id] }) });
      const staffOnly = route.access.kind === 'roles' && !(route.access.roles as readonly string[]).includes('customer');
      expect([route.id, answer.status], answer.body.error?.code).toEqual([route.id, staffOnly ? 403 : 404]);
    }
    // Before notice to proceed the contractor may not start, so it cannot upload evidence either.
    const tooEarly = await api().call<ErrorBody>('POST', `/v1/projects/${projectId}/milestones/M1/uploads`, { token: installer.accessToken, body: { contentType: 'image/png' } });
    expect([tooEarly.status, tooEarly.body.error.code]).toEqual([409, 'PROJECT_STATUS_CONFLICT']);
  }, 180_000);
});

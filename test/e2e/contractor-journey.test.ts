/**
 * Contractor applications over HTTP against the local runtime and its ZATCA simulator: apply, ZATCA verification
 * through the fan-out, pre-qualification with four eyes, and the documented bad-input, uniqueness and failure cases.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { ZATCA_TEST_VAT_NUMBERS } from '../../lib/local/simulators/zatca-simulator.ts';
import { apiClient, type Tokens } from '../support/api-client.ts';
import { eventually } from '../support/eventually.ts';
import { validSaudiIban } from '../support/iban.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { randomNationalId } from '../support/national-ids.ts';
import { signIn } from '../support/sign-in.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { field: string; issue: string }[] };
}
interface Contractor {
  contractorId: string;
  status: string;
  maskedIban: string;
  businessPhone: string;
  memberRole?: string;
  statusReason?: string;
}
interface Decision {
  decisionId: string;
  status: string;
  contractorStatus: string;
}

const digits = (count: number): string => Array.from({ length: count }, () => String(randomInt(0, 10))).join('');
/** A company of its own each time: random, well-formed unified and VAT numbers that are no simulator test number. */
function application(overrides: Record<string, unknown> = {}) {
  return {
    legalName: { ar: 'شركة الطاقة المشرقة', en: 'Bright Energy Co.' },
    unifiedNumber: `7${digits(9)}`,
    vatNumber: `31${digits(12)}3`,
    iban: validSaudiIban('80', digits(18)),
    certificateNumber: `SERA-${digits(6)}`,
    cityIds: ['riyadh', 'al-ahsa'],
    businessPhone: '0112345678',
    businessEmail: 'projects@bright-energy.example.sa',
    ...overrides,
  };
}

describe('contractor applications over HTTP', () => {
  let runtime: LocalRuntime;
  let ops: Tokens;
  let compliance: Tokens;
  const api = () => apiClient(runtime.baseUrl);
  const apply = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    api().call<Contractor & ErrorBody>('POST', '/v1/contractors', { token, body, headers: { 'idempotency-key': randomUUID(), ...headers } });

  beforeAll(async () => {
    runtime = await startTestRuntime();
    ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
    compliance = await signIn(runtime.baseUrl, TEST_IDENTITIES.complianceStaff.nationalId);
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  async function settled(contractorId: string): Promise<Contractor> {
    return eventually(
      async () => {
        const read = await api().call<Contractor>('GET', `/v1/ops/contractors/${contractorId}`, { token: ops.accessToken });
        return read.body.status === 'SUBMITTED' ? undefined : read.body;
      },
      { description: 'the ZATCA verification to settle' },
    );
  }

  it('applies, is verified by ZATCA, and is approved only when a second staff user confirms', async () => {
    const applicant = await signIn(runtime.baseUrl, randomNationalId());
    const applied = await apply(applicant.accessToken, application());
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'SUBMITTED', memberRole: 'ADMINISTRATOR', businessPhone: '+966112345678' });
    expect(applied.body.maskedIban).toMatch(/^SA\*\* 80\*\* /);

    expect(await settled(applied.body.contractorId)).toMatchObject({ status: 'PENDING_REVIEW' });

    const proposed = await api().call<Decision>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions`, { token: ops.accessToken, body: { decision: 'APPROVE', reason: 'Certificate and VAT checked' } });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'PENDING_CONFIRMATION', contractorStatus: 'PENDING_REVIEW' });

    const ownConfirmation = await api().call<ErrorBody>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions/${proposed.body.decisionId}/confirmation`, { token: ops.accessToken });
    expect(ownConfirmation.status).toBe(403);
    expect(ownConfirmation.body.error.code).toBe('FOUR_EYES_REQUIRED');
    const secondProposal = await api().call<ErrorBody>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions`, { token: ops.accessToken, body: { decision: 'REJECT', reason: 'Changed my mind' } });
    expect(secondProposal.status).toBe(409);
    expect(secondProposal.body.error.code).toBe('CONTRACTOR_DECISION_PENDING');
    expect((await api().call<Contractor>('GET', '/v1/contractors/me', { token: applicant.accessToken })).body.status).toBe('PENDING_REVIEW');

    const confirmed = await api().call<Decision>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions/${proposed.body.decisionId}/confirmation`, { token: compliance.accessToken });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED', contractorStatus: 'APPROVED' });
    expect((await api().call<Contractor>('GET', '/v1/contractors/me', { token: applicant.accessToken })).body).toMatchObject({ status: 'APPROVED', memberRole: 'ADMINISTRATOR' });

    const again = await api().call<ErrorBody>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions/${proposed.body.decisionId}/confirmation`, { token: compliance.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONTRACTOR_DECISION_NOT_PENDING');
  });

  it('lets the administrator invite a member by national ID, who becomes one on signing in with NAFATH', async () => {
    const administrator = await signIn(runtime.baseUrl, randomNationalId());
    const applied = await apply(administrator.accessToken, application());
    const memberNationalId = randomNationalId();

    const invited = await api().call<{ status: string; contractorId: string }>('POST', '/v1/contractors/me/members', { token: administrator.accessToken, body: { nationalId: memberNationalId } });
    const twice = await api().call<ErrorBody>('POST', '/v1/contractors/me/members', { token: administrator.accessToken, body: { nationalId: memberNationalId } });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: 'INVITED', contractorId: applied.body.contractorId });
    expect(JSON.stringify(invited.body)).not.toContain(memberNationalId);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CONTRACTOR_MEMBER_ALREADY_INVITED']);

    const member = await signIn(runtime.baseUrl, memberNationalId);
    const own = await api().call<Contractor>('GET', '/v1/contractors/me', { token: member.accessToken });
    expect(own.body).toMatchObject({ contractorId: applied.body.contractorId, memberRole: 'MEMBER' });
    const byMember = await api().call<ErrorBody>('POST', '/v1/contractors/me/members', { token: member.accessToken, body: { nationalId: randomNationalId() } });
    expect([byMember.status, byMember.body.error.code]).toEqual([403, 'CONTRACTOR_ADMINISTRATOR_REQUIRED']);
  });

  it('rejects an application on ZATCA’s definite negatives, with the reason', async () => {
    const outcomes: Record<string, string> = {
      [ZATCA_TEST_VAT_NUMBERS.notRegistered]: 'VAT_NOT_REGISTERED',
      [ZATCA_TEST_VAT_NUMBERS.deregistered]: 'VAT_DEREGISTERED',
      [ZATCA_TEST_VAT_NUMBERS.registeredToAnotherCompany]: 'VAT_REGISTERED_TO_ANOTHER_COMPANY',
    };
    for (const [vatNumber, reason] of Object.entries(outcomes)) {
      const applicant = await signIn(runtime.baseUrl, randomNationalId());
      const applied = await apply(applicant.accessToken, application({ vatNumber }));
      expect(applied.status, vatNumber).toBe(201);
      expect(await settled(applied.body.contractorId)).toMatchObject({ status: 'REJECTED', statusReason: reason });
    }
  });

  it('keeps each company and each person to one application, and replays a retried application', async () => {
    const first = await signIn(runtime.baseUrl, randomNationalId());
    const body = application();
    const key = randomUUID();
    const applied = await apply(first.accessToken, body, { 'idempotency-key': key });
    const replayed = await apply(first.accessToken, body, { 'idempotency-key': key });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.contractorId).toBe(applied.body.contractorId);

    const second = await signIn(runtime.baseUrl, randomNationalId());
    const sameVat = await apply(second.accessToken, application({ vatNumber: body.vatNumber }));
    const sameUnifiedNumber = await apply(second.accessToken, application({ unifiedNumber: body.unifiedNumber }));
    const secondCompany = await apply(first.accessToken, application());
    expect([sameVat.status, sameUnifiedNumber.status]).toEqual([409, 409]);
    expect(sameVat.body.error.code).toBe('CONTRACTOR_ALREADY_REGISTERED');
    expect(secondCompany.status).toBe(409);
    expect(secondCompany.body.error.code).toBe('CONTRACTOR_MEMBERSHIP_EXISTS');
  });

  it('answers bad input with field details in the caller’s language, and the IBAN check digits with 422', async () => {
    const applicant = await signIn(runtime.baseUrl, randomNationalId());
    const valid = application();
    const badChecksum = `${valid.iban.slice(0, 2)}${valid.iban[2] === '9' ? '0' : String(Number(valid.iban[2]) + 1)}${valid.iban.slice(3)}`;

    const checksum = await apply(applicant.accessToken, { ...valid, iban: badChecksum });
    expect(checksum.status).toBe(422);
    expect(checksum.body.error).toMatchObject({ code: 'IBAN_CHECKSUM_INVALID', details: [{ field: 'body.iban' }] });
    expect(JSON.stringify(checksum.body)).not.toContain(badChecksum);

    const malformed = await apply(
      applicant.accessToken,
      { ...valid, unifiedNumber: '1010123456', vatNumber: '300270769200002', iban: 'SA0399000000608010167519', businessPhone: '0212345678', certificateNumber: 'x', businessEmail: 'not-an-email', cityIds: ['atlantis'] },
      { 'accept-language': 'ar' },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(malformed.body.error.details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['body.unifiedNumber', 'body.vatNumber', 'body.iban', 'body.businessPhone', 'body.certificateNumber', 'body.businessEmail', 'body.cityIds.0']),
    );
    expect((await api().call<ErrorBody>('GET', '/v1/contractors/me', { token: applicant.accessToken })).body.error.code).toBe('CONTRACTOR_MEMBERSHIP_REQUIRED');
  });

  it('lets only ops propose and only staff confirm or read a contractor', async () => {
    const applicant = await signIn(runtime.baseUrl, randomNationalId());
    const applied = await apply(applicant.accessToken, application());
    const byApplicant = await api().call<ErrorBody>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions`, { token: applicant.accessToken, body: { decision: 'APPROVE', reason: 'Approve myself' } });
    const byCompliance = await api().call<ErrorBody>('POST', `/v1/ops/contractors/${applied.body.contractorId}/decisions`, { token: compliance.accessToken, body: { decision: 'APPROVE', reason: 'Not an ops user' } });
    const readByApplicant = await api().call<ErrorBody>('GET', `/v1/ops/contractors/${applied.body.contractorId}`, { token: applicant.accessToken });

    expect([byApplicant.status, byCompliance.status, readByApplicant.status]).toEqual([403, 403, 403]);
  });
});

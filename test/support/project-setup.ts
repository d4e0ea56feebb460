/** Fixtures for installation-project journeys: an approved installer, and a customer's project financing its quote. */
import { randomInt, randomUUID } from 'node:crypto';
import { riyadhCalendarDate } from '../../shared/kernel/calendar-date.ts';
import { apiClient, type Tokens } from './api-client.ts';
import { eventually } from './eventually.ts';
import { validSaudiIban } from './iban.ts';
import { randomNationalId } from './national-ids.ts';
import { signIn } from './sign-in.ts';

export interface ProjectView {
  projectId: string;
  planId: string;
  status: string;
  totalHalalas: number;
  downPaymentHalalas: number;
  financedHalalas: number;
  milestones: { M1: { amountHalalas: number }; M2: { amountHalalas: number } };
  stalled?: { awaitedMilestone: string; deadlineAt: string; flaggedAt: string };
}

const digits = (count: number): string => Array.from({ length: count }, () => String(randomInt(0, 10))).join('');
const withKey = () => ({ 'idempotency-key': randomUUID() });
export const HOME = { cityId: 'riyadh', monthlyConsumptionKilowattHours: [1200, 1150, 1400, 2000, 2900, 3600, 4000, 4100, 3500, 2500, 1600, 1300], roofAreaSquareMeters: 120 };
export const INSTALLATION_ADDRESS = { buildingNumber: '2715', street: 'King Fahd Road', district: 'Al Olaya', city: 'Riyadh', postalCode: '12212', additionalNumber: '8123' };
/** The quote every fixture project finances: SAR 65,550.01 with VAT. */
export const QUOTE_TOTAL_HALALAS = 6_555_001;
/** A Riyadh calendar date `days` from now. */
export const inDays = (days: number): string => riyadhCalendarDate(new Date(Date.now() + days * 86_400_000));
/** An installer's quote for HOME: 27 × 550 W, priced to QUOTE_TOTAL_HALALAS, valid for 30 days. */
export const quoteBody = (overrides: Record<string, unknown> = {}) => ({
  systemWatts: 14_850,
  module: { make: 'Jinko', model: 'Tiger Neo 550', wattage: 550, count: 27 },
  inverter: { make: 'Huawei', model: 'SUN2000-15KTL' },
  equipmentHalalas: 4_500_001,
  installationHalalas: 1_200_000,
  warrantyYears: 10,
  installationDays: 5,
  validUntil: inDays(30),
  ...overrides,
});

/** An installer company applied, verified by the ZATCA simulator and approved with four eyes, serving Riyadh. */
export async function approvedInstaller(baseUrl: string, staff: { ops: Tokens; compliance: Tokens }, iban = validSaudiIban('80', digits(18))): Promise<Tokens> {
  const api = apiClient(baseUrl);
  const person = await signIn(baseUrl, randomNationalId());
  const applied = await api.call<{ contractorId: string }>('POST', '/v1/contractors', {
    token: person.accessToken,
    headers: withKey(),
    body: {
      legalName: { ar: 'شركة الشمس', en: `Sun Installers ${digits(4)}` },
      unifiedNumber: `7${digits(9)}`,
      vatNumber: `31${digits(12)}3`,
      iban,
      certificateNumber: `SERA-${digits(6)}`,
      cityIds: ['riyadh'],
      businessPhone: '0501234567',
      businessEmail: 'sales@sun.example.sa',
    },
  });
  const { contractorId } = applied.body;
  await eventually(async () => ((await api.call<{ status: string }>('GET', `/v1/ops/contractors/${contractorId}`, { token: staff.ops.accessToken })).body.status === 'PENDING_REVIEW' ? true : undefined), {
    description: 'ZATCA verification',
  });
  const proposed = await api.call<{ decisionId: string }>('POST', `/v1/ops/contractors/${contractorId}/decisions`, { token: staff.ops.accessToken, body: { decision: 'APPROVE', reason: 'Checked' } });
  await api.call('POST', `/v1/ops/contractors/${contractorId}/decisions/${proposed.body.decisionId}/confirmation`, { token: staff.compliance.accessToken });
  return person;
}

/** A customer's plan financing the installer's quote, and the project it opened (AWAITING_DOWN_PAYMENT). */
export async function financedProject(baseUrl: string, customer: Tokens, installer: Tokens): Promise<ProjectView> {
  const api = apiClient(baseUrl);
  const estimate = await api.call<{ estimateId: string }>('POST', '/v1/solar/estimates', { token: customer.accessToken, body: HOME });
  const request = await api.call<{ requestId: string }>('POST', '/v1/quote-requests', { token: customer.accessToken, headers: withKey(), body: { estimateId: estimate.body.estimateId, consent: true } });
  const quote = await api.call<{ quoteId: string }>('POST', `/v1/quote-requests/${request.body.requestId}/quotes`, {
    token: installer.accessToken,
    headers: withKey(),
    body: quoteBody(),
  });
  const offer = await api.call<{ offerId: string }>('POST', `/v1/quote-requests/${request.body.requestId}/quotes/${quote.body.quoteId}/acceptance`, {
    token: customer.accessToken,
    headers: withKey(),
    body: { installmentCount: 4 },
  });
  const plan = await api.call<{ projectId: string }>('POST', '/v1/plans', { token: customer.accessToken, headers: withKey(), body: { offerId: offer.body.offerId } });
  const project = await api.call<ProjectView>('GET', `/v1/projects/${plan.body.projectId}`, { token: customer.accessToken });
  if (project.status !== 200) throw new Error(`The financed plan opened no project: ${project.status}`);
  return project.body;
}

/** Down payment received, address given with consent and the agreement accepted: the project waits in COOLING_OFF. */
export async function agreedProject(baseUrl: string, customer: Tokens, projectId: string): Promise<void> {
  const api = apiClient(baseUrl);
  await api.call('POST', `/v1/projects/${projectId}/down-payment`, { token: customer.accessToken, headers: withKey(), body: { method: 'MADA' } });
  await eventually(async () => ((await api.call<ProjectView>('GET', `/v1/projects/${projectId}`, { token: customer.accessToken })).body.status === 'AWAITING_AGREEMENT' ? true : undefined), {
    description: 'the down payment received',
  });
  await api.call('PUT', `/v1/projects/${projectId}/installation-address`, { token: customer.accessToken, body: { address: INSTALLATION_ADDRESS, consentToShareWithContractor: true } });
  const agreement = await api.call<{ termsVersion: string; termsSha256: string }>('GET', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken });
  const accepted = await api.call('POST', `/v1/projects/${projectId}/agreement`, { token: customer.accessToken, headers: withKey(), body: { termsVersion: agreement.body.termsVersion, termsSha256: agreement.body.termsSha256 } });
  if (accepted.status !== 200) throw new Error(`The agreement was not accepted: ${accepted.status}`);
}

/** A 1×1 PNG: what a phone photo is, as far as the evidence checks go. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Uploads one evidence file through a presigned form, as the installer; its file id. */
export async function uploadEvidence(baseUrl: string, installer: Tokens, projectId: string, milestone: 'M1' | 'M2', contentType: string): Promise<string> {
  const form = await apiClient(baseUrl).call<{ fileId: string; url: string; fields: Record<string, string> }>('POST', `/v1/projects/${projectId}/milestones/${milestone}/uploads`, {
    token: installer.accessToken,
    body: { contentType },
  });
  if (form.status !== 201) throw new Error(`No upload form: ${form.status}`);
  const body = new FormData();
  for (const [name, value] of Object.entries(form.body.fields)) body.append(name, value);
  body.append('file', new Blob([PNG], { type: contentType }));
  const uploaded = await fetch(form.body.url, { method: 'POST', body });
  if (uploaded.status >= 300) throw new Error(`The upload was refused: ${uploaded.status}`);
  return form.body.fileId;
}

/** Uploads and submits a milestone's required evidence, as the installer. */
export async function submitMilestone(baseUrl: string, installer: Tokens, projectId: string, milestone: 'M1' | 'M2'): Promise<void> {
  const [kind, contentType] = milestone === 'M1' ? (['SIGNED_INSTALLATION_CONTRACT', 'application/pdf'] as const) : (['INSTALLATION_PHOTO', 'image/png'] as const);
  const fileId = await uploadEvidence(baseUrl, installer, projectId, milestone, contentType);
  const submitted = await apiClient(baseUrl).call('POST', `/v1/projects/${projectId}/milestones/${milestone}/submission`, {
    token: installer.accessToken,
    body: { files: [{ fileId, kind }], secReferenceNumber: `SEC-${milestone}-1001` },
  });
  if (submitted.status !== 200) throw new Error(`${milestone} was not submitted: ${submitted.status}`);
}

/** An ops user proposes approving the milestone and the compliance user confirms: the confirmation's answer. */
export async function approveMilestone(baseUrl: string, staff: { ops: Tokens; compliance: Tokens }, projectId: string, milestone: 'M1' | 'M2') {
  const api = apiClient(baseUrl);
  const proposed = await api.call<{ decisionId: string }>('POST', `/v1/ops/projects/${projectId}/milestones/${milestone}/decisions`, { token: staff.ops.accessToken, body: { decision: 'APPROVE', reason: 'Evidence checked' } });
  if (proposed.status !== 201) throw new Error(`${milestone} approval was not proposed: ${proposed.status}`);
  return api.call<{ disbursementIds: string[]; projectStatus: string }>('POST', `/v1/ops/projects/${projectId}/milestones/${milestone}/decisions/${proposed.body.decisionId}/confirmation`, {
    token: staff.compliance.accessToken,
  });
}

/** Waits until the project reaches `status`, as read by `reader`. */
export function projectReaches(baseUrl: string, reader: Tokens, projectId: string, status: string, timeoutMilliseconds = 30_000): Promise<ProjectView & Record<string, unknown>> {
  return eventually(
    async () => {
      const read = await apiClient(baseUrl).call<ProjectView & Record<string, unknown>>('GET', `/v1/projects/${projectId}`, { token: reader.accessToken });
      return read.body.status === status ? read.body : undefined;
    },
    { description: `the project ${status}`, timeoutMilliseconds },
  );
}

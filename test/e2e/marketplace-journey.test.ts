/**
 * Quote requests and quotes over HTTP: a customer asks for quotes on a stored estimate, an approved installer in
 * that city sees the request (never who asked) and quotes once, and the customer compares the quotes with the
 * calculator's figures. Plus the documented refusals.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { apiClient, type Tokens } from '../support/api-client.ts';
import { assessedCustomer } from '../support/customer-setup.ts';
import { eventually } from '../support/eventually.ts';
import { validSaudiIban } from '../support/iban.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { randomNationalId } from '../support/national-ids.ts';
import { HOME, inDays, quoteBody } from '../support/project-setup.ts';
import { signIn } from '../support/sign-in.ts';

interface ErrorBody {
  error: { code: string };
}
interface QuoteRequest {
  requestId: string;
  status: string;
  cityId: string;
  estimateId?: string;
  customerId?: string;
}
interface Quote {
  quoteId: string;
  subtotalHalalas: number;
  vatHalalas: number;
  totalHalalas: number;
  contractorName: { en: string };
}

const digits = (count: number): string => Array.from({ length: count }, () => String(randomInt(0, 10))).join('');

describe('quote requests and quotes over HTTP', () => {
  let runtime: LocalRuntime;
  let customer: Tokens;
  let ops: Tokens;
  let compliance: Tokens;
  const api = () => apiClient(runtime.baseUrl);
  const withKey = () => ({ 'idempotency-key': randomUUID() });

  /** An installer company approved with four eyes, serving the given cities. */
  async function approvedInstaller(cityIds: string[]): Promise<Tokens> {
    const person = await signIn(runtime.baseUrl, randomNationalId());
    const applied = await api().call<{ contractorId: string }>('POST', '/v1/contractors', {
      token: person.accessToken,
      headers: withKey(),
      body: {
        legalName: { ar: 'شركة الشمس', en: `Sun Installers ${digits(4)}` },
        unifiedNumber: `7${digits(9)}`,
        vatNumber: `31${digits(12)}3`,
        iban: validSaudiIban('80', digits(18)),
        certificateNumber: `SERA-${digits(6)}`,
        cityIds,
        businessPhone: '0501234567',
        businessEmail: 'sales@sun.example.sa',
      },
    });
    const { contractorId } = applied.body;
    await eventually(async () => ((await api().call<{ status: string }>('GET', `/v1/ops/contractors/${contractorId}`, { token: ops.accessToken })).body.status === 'PENDING_REVIEW' ? true : undefined), { description: 'ZATCA verification' });
    const proposed = await api().call<{ decisionId: string }>('POST', `/v1/ops/contractors/${contractorId}/decisions`, { token: ops.accessToken, body: { decision: 'APPROVE', reason: 'Checked' } });
    await api().call('POST', `/v1/ops/contractors/${contractorId}/decisions/${proposed.body.decisionId}/confirmation`, { token: compliance.accessToken });
    return person;
  }

  async function requestFromNewEstimate(token: string): Promise<QuoteRequest> {
    const estimate = await api().call<{ estimateId: string }>('POST', '/v1/solar/estimates', { token, body: HOME });
    const requested = await api().call<QuoteRequest>('POST', '/v1/quote-requests', { token, headers: withKey(), body: { estimateId: estimate.body.estimateId, consent: true, note: 'Flat concrete roof' } });
    expect(requested.status).toBe(201);
    return requested.body;
  }

  beforeAll(async () => {
    runtime = await startTestRuntime();
    ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
    compliance = await signIn(runtime.baseUrl, TEST_IDENTITIES.complianceStaff.nationalId);
    customer = await assessedCustomer(runtime.baseUrl);
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('lets an approved installer in the city see the request without its customer, quote once, and the customer compare', async () => {
    const request = await requestFromNewEstimate(customer.accessToken);
    expect(request).toMatchObject({ status: 'OPEN', cityId: 'riyadh' });
    const installer = await approvedInstaller(['riyadh']);

    const open = await api().call<{ quoteRequests: QuoteRequest[] }>('GET', '/v1/contractors/me/quote-requests?cityId=riyadh', { token: installer.accessToken });
    const seen = open.body.quoteRequests.find((candidate) => candidate.requestId === request.requestId);
    expect(seen).toBeDefined();
    expect(seen?.estimateId).toBeUndefined();
    expect(JSON.stringify(open.body)).not.toContain(request.estimateId!);

    const quoted = await api().call<Quote>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: installer.accessToken, headers: withKey(), body: quoteBody() });
    expect(quoted.status).toBe(201);
    // 15 % of 5,700,001 is 855,000.15: rounded half up to the halala, 855,000.
    expect(quoted.body).toMatchObject({ subtotalHalalas: 5_700_001, vatHalalas: 855_000, totalHalalas: 6_555_001 });
    const again = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: installer.accessToken, headers: withKey(), body: quoteBody() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('QUOTE_ALREADY_SUBMITTED');

    const compared = await api().call<{ quotes: { quote: Quote; pricePerKilowattPeakHalalas: number; annualKilowattHours: number; annualSavingsHalalas: number; simplePaybackYears: number }[] }>(
      'GET',
      `/v1/quote-requests/${request.requestId}/quotes`,
      { token: customer.accessToken },
    );
    expect(compared.status).toBe(200);
    const [offer] = compared.body.quotes;
    expect(offer?.quote.quoteId).toBe(quoted.body.quoteId);
    expect(offer?.pricePerKilowattPeakHalalas).toBe(Math.round((6_555_001 * 1_000) / 14_850));
    expect(offer?.annualKilowattHours).toBeGreaterThan(20_000);
    expect(offer?.annualSavingsHalalas).toBeGreaterThan(0);

    const ownQuotes = await api().call<{ quotes: Quote[] }>('GET', '/v1/contractors/me/quotes', { token: installer.accessToken });
    expect(ownQuotes.body.quotes.map((quote) => quote.quoteId)).toContain(quoted.body.quoteId);
    const ownRequests = await api().call<{ quoteRequests: QuoteRequest[] }>('GET', '/v1/quote-requests', { token: customer.accessToken });
    expect(ownRequests.body.quoteRequests.map((item) => item.requestId)).toContain(request.requestId);
  });

  it('finances the quote the customer accepts: an offer for its total with the rest as down payment, then a plan that settles the request', async () => {
    const request = await requestFromNewEstimate(customer.accessToken);
    const chosen = await approvedInstaller(['riyadh']);
    const other = await approvedInstaller(['riyadh']);
    const chosenQuote = await api().call<Quote>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: chosen.accessToken, headers: withKey(), body: quoteBody() });
    await api().call<Quote>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: other.accessToken, headers: withKey(), body: quoteBody({ equipmentHalalas: 5_000_000 }) });
    const exposure = await api().call<{ availableHalalas: number }>('GET', '/v1/customers/me/exposure', { token: customer.accessToken });

    const offer = await api().call<{ offerId: string; amountHalalas: number; financedHalalas: number; downPaymentHalalas: number; quoteId: string; installments: { amountHalalas: number }[] }>(
      'POST',
      `/v1/quote-requests/${request.requestId}/quotes/${chosenQuote.body.quoteId}/acceptance`,
      { token: customer.accessToken, headers: withKey(), body: { installmentCount: 4 } },
    );
    expect(offer.status).toBe(201);
    expect(offer.body).toMatchObject({ amountHalalas: chosenQuote.body.totalHalalas, quoteId: chosenQuote.body.quoteId });
    expect(offer.body.financedHalalas).toBe(Math.min(exposure.body.availableHalalas, chosenQuote.body.totalHalalas));
    expect(offer.body.financedHalalas + offer.body.downPaymentHalalas).toBe(chosenQuote.body.totalHalalas);
    expect(offer.body.installments.reduce((sum, installment) => sum + installment.amountHalalas, 0)).toBe(offer.body.financedHalalas);

    const tooLittleDown = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes/${chosenQuote.body.quoteId}/acceptance`, {
      token: customer.accessToken,
      headers: withKey(),
      body: { installmentCount: 4, downPaymentHalalas: 0 },
    });
    expect([tooLittleDown.status, tooLittleDown.body.error.code]).toEqual([422, 'EXPOSURE_LIMIT_EXCEEDED']);

    const plan = await api().call<{ planId: string; quoteId: string; contractorId: string; downPaymentHalalas: number }>('POST', '/v1/plans', { token: customer.accessToken, headers: withKey(), body: { offerId: offer.body.offerId } });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ quoteId: chosenQuote.body.quoteId, downPaymentHalalas: offer.body.downPaymentHalalas });

    const compared = await api().call<{ request: { status: string }; quotes: { quote: { quoteId: string; status: string } }[] }>('GET', `/v1/quote-requests/${request.requestId}/quotes`, { token: customer.accessToken });
    expect(compared.body.request.status).toBe('ACCEPTED');
    expect(Object.fromEntries(compared.body.quotes.map(({ quote }) => [quote.quoteId === chosenQuote.body.quoteId ? 'chosen' : 'other', quote.status]))).toEqual({ chosen: 'ACCEPTED', other: 'DECLINED' });

    const again = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes/${chosenQuote.body.quoteId}/acceptance`, { token: customer.accessToken, headers: withKey(), body: { installmentCount: 4 } });
    expect([again.status, again.body.error.code]).toEqual([409, 'QUOTE_REQUEST_ALREADY_ACCEPTED']);
    const late = await approvedInstaller(['riyadh']);
    const lateQuote = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: late.accessToken, headers: withKey(), body: quoteBody() });
    expect([lateQuote.status, lateQuote.body.error.code]).toEqual([422, 'QUOTE_REQUEST_CLOSED']);
  });

  it('hides a suspended installer’s quotes from the comparison', async () => {
    const request = await requestFromNewEstimate(customer.accessToken);
    const installer = await approvedInstaller(['riyadh']);
    await api().call<Quote>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: installer.accessToken, headers: withKey(), body: quoteBody() });
    const own = await api().call<{ contractorId: string }>('GET', '/v1/contractors/me', { token: installer.accessToken });
    const before = await api().call<{ quotes: unknown[] }>('GET', `/v1/quote-requests/${request.requestId}/quotes`, { token: customer.accessToken });

    const proposed = await api().call<{ decisionId: string }>('POST', `/v1/ops/contractors/${own.body.contractorId}/decisions`, { token: ops.accessToken, body: { decision: 'SUSPEND', reason: 'Complaint under review' } });
    await api().call('POST', `/v1/ops/contractors/${own.body.contractorId}/decisions/${proposed.body.decisionId}/confirmation`, { token: compliance.accessToken });
    const after = await api().call<{ quotes: unknown[] }>('GET', `/v1/quote-requests/${request.requestId}/quotes`, { token: customer.accessToken });

    expect(before.body.quotes).toHaveLength(1);
    expect(after.body.quotes).toHaveLength(0);
  });

  it('keeps requests from installers who are not approved, or do not serve the city, and from other customers', async () => {
    const request = await requestFromNewEstimate(customer.accessToken);
    const unapproved = await signIn(runtime.baseUrl, randomNationalId());
    const elsewhere = await approvedInstaller(['jeddah']);
    const stranger = await assessedCustomer(runtime.baseUrl);

    const notApproved = await api().call<ErrorBody>('GET', '/v1/contractors/me/quote-requests?cityId=riyadh', { token: unapproved.accessToken });
    const notServed = await api().call<ErrorBody>('GET', '/v1/contractors/me/quote-requests?cityId=riyadh', { token: elsewhere.accessToken });
    const quoteElsewhere = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: elsewhere.accessToken, headers: withKey(), body: quoteBody() });
    const compareByStranger = await api().call<ErrorBody>('GET', `/v1/quote-requests/${request.requestId}/quotes`, { token: stranger.accessToken });

    expect([notApproved.status, notApproved.body.error.code]).toEqual([403, 'CONTRACTOR_NOT_APPROVED']);
    expect([notServed.status, notServed.body.error.code]).toEqual([422, 'QUOTE_REQUEST_CITY_NOT_SERVED']);
    expect([quoteElsewhere.status, quoteElsewhere.body.error.code]).toEqual([404, 'QUOTE_REQUEST_NOT_FOUND']);
    expect([compareByStranger.status, compareByStranger.body.error.code]).toEqual([404, 'QUOTE_REQUEST_NOT_FOUND']);
  });

  it('refuses a request without consent or for the same estimate twice, and a quote whose sizes or validity do not hold', async () => {
    const estimate = await api().call<{ estimateId: string }>('POST', '/v1/solar/estimates', { token: customer.accessToken, body: HOME });
    const noConsent = await api().call<ErrorBody>('POST', '/v1/quote-requests', { token: customer.accessToken, headers: withKey(), body: { estimateId: estimate.body.estimateId, consent: false } });
    expect([noConsent.status, noConsent.body.error.code]).toEqual([422, 'CONSENT_REQUIRED']);
    await api().call('POST', '/v1/quote-requests', { token: customer.accessToken, headers: withKey(), body: { estimateId: estimate.body.estimateId, consent: true } });
    const twice = await api().call<ErrorBody>('POST', '/v1/quote-requests', { token: customer.accessToken, headers: withKey(), body: { estimateId: estimate.body.estimateId, consent: true } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'QUOTE_REQUEST_EXISTS']);

    const request = await requestFromNewEstimate(customer.accessToken);
    const installer = await approvedInstaller(['riyadh']);
    const sizes = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: installer.accessToken, headers: withKey(), body: quoteBody({ systemWatts: 15_000 }) });
    const expired = await api().call<ErrorBody>('POST', `/v1/quote-requests/${request.requestId}/quotes`, { token: installer.accessToken, headers: withKey(), body: quoteBody({ validUntil: inDays(-1) }) });
    expect([sizes.status, sizes.body.error.code]).toEqual([422, 'QUOTE_SIZES_DO_NOT_ADD_UP']);
    expect([expired.status, expired.body.error.code]).toEqual([422, 'QUOTE_VALIDITY_OUT_OF_RANGE']);
  });
});

/**
 * The solar calculator and the SEC import over HTTP against the local runtime and its SEC simulator: the public
 * cities and anonymous estimates, a signed-in customer's estimate from imported consumption with what they can
 * finance, and the documented bad-input and failure cases.
 */
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { SEC_TEST_ACCOUNTS } from '../../lib/local/simulators/sec-simulator.ts';
import { keys } from '../../shared/catalog/keys.ts';
import { DEFAULT_LENDING_POLICY } from '../../shared/kernel/policy.ts';
import { apiClient, type Tokens } from '../support/api-client.ts';
import { assessedCustomer } from '../support/customer-setup.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { randomNationalId } from '../support/national-ids.ts';
import { signIn } from '../support/sign-in.ts';

const REQUIRED_CITIES = ['riyadh', 'makkah', 'madinah', 'jeddah', 'dammam', 'al-ahsa', 'buraidah', 'abha', 'tabuk', 'hail', 'jazan', 'najran', 'sakaka', 'al-baha', 'arar'];
const RIYADH_HOME = { cityId: 'riyadh', monthlyConsumptionKilowattHours: [1200, 1150, 1400, 2000, 2900, 3600, 4000, 4100, 3500, 2500, 1600, 1300], roofAreaSquareMeters: 120 };
/** A random ordinary account number, so that no other run links the same one. */
const ordinaryAccountNumber = (): string => `300${String(randomInt(1_000, 100_000_000)).padStart(8, '0')}`;

interface ErrorBody {
  error: { code: string; message: string; details?: { field: string; issue: string }[] };
}
interface Estimate {
  estimateId?: string;
  system: { recommendedWatts: number; moduleCount: number; moduleWatts: number };
  production: { monthlyKilowattHours: number[]; annualKilowattHours: number };
  savings: { billBeforeHalalas: number; billAfterHalalas: number; savingsHalalas: number; months: { savingsHalalas: number }[] };
  costRange: { lowHalalas: number; highHalalas: number; indicative: boolean };
  consumption: { monthlyKilowattHours: number[] };
  financing?: { priceHalalas: number; financeableHalalas: number; downPaymentHalalas: number; violations: string[]; installments: { amountHalalas: number }[]; installmentCount: number; limitHalalas: number };
}
interface Account {
  accountId: string;
  status: string;
  failureReason?: string;
  months?: { month: string; consumptionKilowattHours: number }[];
  suitability?: { score: number; reasons: { code: string; points: number }[] };
}

describe('the solar calculator and SEC consumption over HTTP', () => {
  let runtime: LocalRuntime;
  let customer: Tokens;
  const api = () => apiClient(runtime.baseUrl);

  beforeAll(async () => {
    runtime = await startTestRuntime();
    customer = await assessedCustomer(runtime.baseUrl);
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  async function linkAndSettle(token: string, secAccountNumber: string): Promise<Account> {
    const linked = await api().call<Account>('POST', '/v1/customers/me/electricity-accounts', { token, body: { secAccountNumber, cityId: 'riyadh', consent: true } });
    expect(linked.status).toBe(202);
    expect(linked.body.status).toBe('PENDING');
    return eventually(
      async () => {
        const polled = await api().call<Account>('GET', `/v1/customers/me/electricity-accounts/${linked.body.accountId}`, { token });
        return polled.body.status === 'PENDING' ? undefined : polled.body;
      },
      { description: 'the SEC import to settle' },
    );
  }

  async function storedEstimateCount(customerId: string): Promise<number> {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: runtime.resources.tableName,
        KeyConditionExpression: 'PK = :partition AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':partition': keys.customer(customerId).PK, ':prefix': 'SOLAR_ESTIMATE#' },
      }),
    );
    return Items.length;
  }

  it('lists every supported city to anyone, with its monthly model values and their sources', async () => {
    const response = await api().call<{ cities: { cityId: string; nameAr: string; months: unknown[]; sources: Record<string, string> }[] }>('GET', '/v1/solar/cities');

    expect(response.status).toBe(200);
    expect(response.body.cities.map((city) => city.cityId)).toEqual(expect.arrayContaining(REQUIRED_CITIES));
    for (const city of response.body.cities) {
      expect(city.months).toHaveLength(12);
      expect(city.nameAr).not.toBe('');
      expect(Object.values(city.sources).every((source) => source.length > 0)).toBe(true);
    }
  });

  it('estimates a Riyadh home for an anonymous caller, whole and consistent, and stores nothing', async () => {
    const response = await api().call<Estimate>('POST', '/v1/solar/estimates', { body: RIYADH_HOME });

    expect(response.status).toBe(200);
    const estimate = response.body;
    expect(estimate.estimateId).toBeUndefined();
    expect(estimate.financing).toBeUndefined();
    expect(estimate.system.recommendedWatts).toBe(estimate.system.moduleCount * estimate.system.moduleWatts);
    expect(estimate.production.monthlyKilowattHours.reduce((sum, value) => sum + value, 0)).toBe(estimate.production.annualKilowattHours);
    expect(estimate.savings.billBeforeHalalas - estimate.savings.billAfterHalalas).toBe(estimate.savings.savingsHalalas);
    expect(estimate.savings.months.reduce((sum, month) => sum + month.savingsHalalas, 0)).toBe(estimate.savings.savingsHalalas);
    expect(estimate.costRange.indicative).toBe(true);
    expect(estimate.costRange.lowHalalas).toBeLessThanOrEqual(estimate.costRange.highHalalas);
  });

  it('imports 12 months from SEC, estimates from them, shows what the customer can finance and reads the estimate back', async () => {
    const imported = await linkAndSettle(customer.accessToken, ordinaryAccountNumber());
    expect(imported.status).toBe('IMPORTED');
    expect(imported.months).toHaveLength(12);
    expect(imported.suitability?.reasons.map((reason) => reason.code)).toContain('ROOF_NOT_YET_ESTIMATED');

    const created = await api().call<Estimate>('POST', '/v1/solar/estimates', {
      token: customer.accessToken,
      body: { cityId: 'riyadh', electricityAccountId: imported.accountId, roofAreaSquareMeters: 60, installmentCount: 6 },
    });
    expect(created.status).toBe(200);
    const estimate = created.body;
    const byCalendarMonth = new Array<number>(12).fill(0);
    for (const month of imported.months!) byCalendarMonth[Number(month.month.slice(5)) - 1] = month.consumptionKilowattHours;
    expect(estimate.consumption.monthlyKilowattHours).toEqual(byCalendarMonth);

    const financing = estimate.financing!;
    expect(financing.violations).toEqual([]);
    expect(financing.priceHalalas).toBe(estimate.costRange.highHalalas);
    // The simulator gives an ordinary customer a LOW or MEDIUM report, so the ceiling is the limit or half of it:
    // the view must agree with lending's own exposure figure.
    const exposure = await api().call<{ limitHalalas: number; outstandingHalalas: number }>('GET', '/v1/customers/me/exposure', { token: customer.accessToken });
    expect(financing.limitHalalas).toBe(exposure.body.limitHalalas);
    expect(financing.limitHalalas).toBeLessThanOrEqual(DEFAULT_LENDING_POLICY.exposureLimitHalalas);
    expect(financing.financeableHalalas).toBe(Math.min(exposure.body.limitHalalas - exposure.body.outstandingHalalas, financing.priceHalalas));
    expect(financing.downPaymentHalalas).toBe(financing.priceHalalas - financing.financeableHalalas);
    expect(financing.installments).toHaveLength(6);
    expect(financing.installments.reduce((sum, installment) => sum + installment.amountHalalas, 0)).toBe(financing.financeableHalalas);

    const readBack = await api().call<Estimate>('GET', `/v1/solar/estimates/${estimate.estimateId}`, { token: customer.accessToken });
    expect(readBack.status).toBe(200);
    expect(readBack.body).toEqual(estimate);

    const scored = await api().call<Account>('GET', `/v1/customers/me/electricity-accounts/${imported.accountId}`, { token: customer.accessToken });
    expect(scored.body.suitability?.reasons.map((reason) => reason.code)).toContain('ROOF_ADEQUACY');
  });

  it("keeps estimates and accounts to their owner: another customer gets 404", async () => {
    const estimate = await api().call<Estimate>('POST', '/v1/solar/estimates', { token: customer.accessToken, body: RIYADH_HOME });
    const stranger = await signIn(runtime.baseUrl, randomNationalId());

    const read = await api().call<ErrorBody>('GET', `/v1/solar/estimates/${estimate.body.estimateId}`, { token: stranger.accessToken });
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('SOLAR_ESTIMATE_NOT_FOUND');
  });

  it('shows a signed-in caller who has not registered that registration comes first', async () => {
    const newcomer = await signIn(runtime.baseUrl, randomNationalId());
    const response = await api().call<Estimate>('POST', '/v1/solar/estimates', { token: newcomer.accessToken, body: RIYADH_HOME });

    expect(response.status).toBe(200);
    expect(response.body.financing).toMatchObject({ financeableHalalas: 0, violations: ['CUSTOMER_NOT_FOUND'] });
  });

  it('scores a large home above the first tariff tier in summer', async () => {
    const imported = await linkAndSettle(customer.accessToken, SEC_TEST_ACCOUNTS.largeHome);
    expect(imported.status).toBe('IMPORTED');
    expect(Math.max(...imported.months!.map((month) => month.consumptionKilowattHours))).toBeGreaterThan(6_000);
    expect(imported.suitability?.reasons.find((reason) => reason.code === 'UPPER_TARIFF_TIER')?.points).toBeGreaterThan(0);
  });

  it('settles an account SEC does not know, or answers with garbage, as FAILED with its reason, and will not estimate from it', async () => {
    const notFound = await linkAndSettle(customer.accessToken, SEC_TEST_ACCOUNTS.notFound);
    const garbage = await linkAndSettle(customer.accessToken, SEC_TEST_ACCOUNTS.garbage);
    expect(notFound).toMatchObject({ status: 'FAILED', failureReason: 'SEC_ACCOUNT_NOT_FOUND' });
    expect(garbage).toMatchObject({ status: 'FAILED', failureReason: 'SEC_MALFORMED_RESPONSE' });

    const refused = await api().call<ErrorBody>('POST', '/v1/solar/estimates', { token: customer.accessToken, body: { cityId: 'riyadh', electricityAccountId: notFound.accountId, roofAreaSquareMeters: 60 } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ELECTRICITY_CONSUMPTION_NOT_IMPORTED');
  });

  it('completes an import after a transient SEC 5xx, retried within the delivery', async () => {
    expect(await linkAndSettle(customer.accessToken, SEC_TEST_ACCOUNTS.serverErrorOnce)).toMatchObject({ status: 'IMPORTED' });
  });

  it('refuses linking the same account twice, and linking without consent', async () => {
    const number = ordinaryAccountNumber();
    await linkAndSettle(customer.accessToken, number);
    const again = await api().call<ErrorBody>('POST', '/v1/customers/me/electricity-accounts', { token: customer.accessToken, body: { secAccountNumber: number, cityId: 'riyadh', consent: true } });
    const noConsent = await api().call<ErrorBody>('POST', '/v1/customers/me/electricity-accounts', { token: customer.accessToken, body: { secAccountNumber: ordinaryAccountNumber(), cityId: 'riyadh', consent: false } });

    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ELECTRICITY_ACCOUNT_ALREADY_LINKED');
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.code).toBe('CONSENT_REQUIRED');
  });

  it('answers bad input with 4xx details in the caller’s language, and stores nothing for it', async () => {
    const me = await api().call<{ customerId: string }>('GET', '/v1/customers/me', { token: customer.accessToken });
    const before = await storedEstimateCount(me.body.customerId);
    const post = (body: unknown, headers: Record<string, string> = {}) => api().call<ErrorBody>('POST', '/v1/solar/estimates', { token: customer.accessToken, body, headers });

    const unknownCity = await post({ ...RIYADH_HOME, cityId: 'atlantis' }, { 'accept-language': 'ar' });
    expect(unknownCity.status).toBe(400);
    expect(unknownCity.body.error.details?.map((detail) => detail.field)).toContain('body.cityId');
    expect(unknownCity.body.error.message).toMatch(/[\u0600-\u06FF]/);

    const both = await post({ ...RIYADH_HOME, electricityAccountId: '01JD0000000000000000000000' });
    const neither = await post({ cityId: 'riyadh', roofAreaSquareMeters: 50 });
    for (const response of [both, neither]) {
      expect(response.status).toBe(400);
      expect(response.body.error.details?.map((detail) => detail.field)).toContain('body.monthlyConsumptionKilowattHours');
    }
    for (const outOfRange of [{ tiltDegrees: 91 }, { azimuthDegrees: 360 }, { shadingLossPercent: 81 }, { roofAreaSquareMeters: 0 }, { monthlyConsumptionKilowattHours: [...RIYADH_HOME.monthlyConsumptionKilowattHours.slice(1), 100_001] }]) {
      expect((await post({ ...RIYADH_HOME, ...outOfRange })).status, JSON.stringify(outOfRange)).toBe(400);
    }
    const tinyRoof = await post({ ...RIYADH_HOME, roofAreaSquareMeters: 2 });
    expect(tinyRoof.status).toBe(422);
    expect(tinyRoof.body.error.code).toBe('ROOF_AREA_TOO_SMALL');

    expect(await storedEstimateCount(me.body.customerId)).toBe(before);
  });

  it('refuses an invalid bearer token with 401 rather than treating the caller as anonymous, and an anonymous estimate from an account', async () => {
    const forged = await api().call<ErrorBody>('POST', '/v1/solar/estimates', { token: `${customer.accessToken.slice(0, -4)}AAAA`, body: RIYADH_HOME });
    const anonymousAccount = await api().call<ErrorBody>('POST', '/v1/solar/estimates', { body: { cityId: 'riyadh', electricityAccountId: '01JD0000000000000000000000', roofAreaSquareMeters: 60 } });

    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('AUTHENTICATION_REQUIRED');
    expect(anonymousAccount.status).toBe(401);
  });
});

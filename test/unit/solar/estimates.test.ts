import { describe, expect, it } from 'vitest';
import type { IdGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import type { Principal } from '../../../shared/kernel/http/request-context.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';
import type { Applicant } from '../../../shared/lending/index.ts';
import { createSolarEstimate, getSolarEstimate, type EstimateRequest } from '../../../shared/solar/app/estimates.ts';
import type { EstimateContext, SolarEstimateStore } from '../../../shared/solar/app/ports.ts';
import type { StoredSolarEstimate } from '../../../shared/solar/app/stored-estimate.ts';
import type { ElectricityAccount, MonthlyConsumption } from '../../../shared/solar/domain/electricity-account.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY } from '../../../shared/solar/domain/estimate-policy.ts';

const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
const customer: Principal = { principalId: 'C1', roles: ['customer'] };
const anotherCustomer: Principal = { principalId: 'C2', roles: ['customer'] };

/** A LOW-risk citizen assessed the day before, with no plan open. */
const applicant: Applicant = {
  customerId: 'C1',
  outstandingHalalas: 0,
  latestAssessment: { assessmentId: 'A1', status: 'COMPLETED', riskCategory: 'LOW', completedAt: '2026-11-30T09:00:00Z' },
  plansInArrears: {},
  nationalIdKind: 'citizen',
  dateOfBirthCiphertext: 'cipher',
  ageVerifiedForMinimumHijriYears: 18,
};

const request: EstimateRequest = { cityId: 'riyadh', monthlyConsumptionKilowattHours: new Array<number>(12).fill(2_000), roofAreaSquareMeters: 100 };

/** The last 12 billing months SEC returned, oldest first: December 2025 to November 2026, each month its own figure. */
const calendarMonthKilowattHours = (calendarMonth: number): number => 1_000 + 100 * calendarMonth;
const importedMonths: MonthlyConsumption[] = [
  { month: '2025-12', consumptionKilowattHours: calendarMonthKilowattHours(12) },
  ...Array.from({ length: 11 }, (_, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}`, consumptionKilowattHours: calendarMonthKilowattHours(index + 1) })),
];

const account = (overrides: Partial<ElectricityAccount> = {}): ElectricityAccount => ({
  accountId: 'EA1',
  customerId: 'C1',
  cityId: 'riyadh',
  status: 'IMPORTED',
  accountNumberCiphertext: 'cipher',
  consentGivenAt: new Date('2026-11-01T09:00:00Z'),
  linkedAt: new Date('2026-11-01T09:00:00Z'),
  months: importedMonths,
  importedAt: new Date('2026-11-01T09:05:00Z'),
  ...overrides,
});

/** An in-memory store that counts its calls: the use-case promises one read and one write per signed-in estimate. */
function countingStore(context: EstimateContext = { applicant, account: undefined }) {
  const calls = { readEstimateContext: [] as [string, string | undefined][], saveEstimate: 0, findEstimate: 0 };
  const saved = new Map<string, StoredSolarEstimate>();
  const estimateStore: SolarEstimateStore = {
    readEstimateContext: async (customerId, accountId) => {
      calls.readEstimateContext.push([customerId, accountId]);
      return context;
    },
    saveEstimate: async (estimate) => {
      calls.saveEstimate += 1;
      saved.set(`${estimate.customerId}#${estimate.estimateId}`, estimate);
    },
    findEstimate: async (customerId, estimateId) => {
      calls.findEstimate += 1;
      return saved.get(`${customerId}#${estimateId}`);
    },
  };
  const totalCalls = (): number => calls.readEstimateContext.length + calls.saveEstimate + calls.findEstimate;
  return { estimateStore, calls, saved, totalCalls };
}

function sequentialIds(): IdGenerator {
  let next = 0;
  return { newId: () => `01JESTIMATE${String((next += 1)).padStart(15, '0')}` };
}

const depsWith = (estimateStore: SolarEstimateStore) => ({ estimateStore, clock, ids: sequentialIds(), solar: DEFAULT_SOLAR_ESTIMATE_POLICY, lending: DEFAULT_LENDING_POLICY });

async function expectRabhanError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RabhanError);
  expect((error as RabhanError).code).toBe(code);
}

describe('creating a solar estimate', () => {
  it('for an anonymous caller computes the figures without touching the store, and offers no id or financing', async () => {
    const { estimateStore, totalCalls } = countingStore();

    const result = await createSolarEstimate({ principal: undefined, request }, depsWith(estimateStore));

    expect(totalCalls()).toBe(0);
    expect(result.estimateId).toBeUndefined();
    expect(result.financing).toBeUndefined();
    expect(result.createdAt).toEqual(clock.now());
    expect(result.figures.cityId).toBe('riyadh');
    expect(result.figures.consumption.monthlyKilowattHours).toEqual(request.monthlyConsumptionKilowattHours);
  });

  it('refuses an anonymous caller who names an electricity account, without touching the store', async () => {
    const { estimateStore, totalCalls } = countingStore();

    await expectRabhanError(createSolarEstimate({ principal: undefined, request: { ...request, electricityAccountId: 'EA1' } }, depsWith(estimateStore)), 'AUTHENTICATION_REQUIRED');
    expect(totalCalls()).toBe(0);
  });

  it('for a signed-in customer reads once, saves once, and carries the financing of the high-end cost', async () => {
    const { estimateStore, calls, saved } = countingStore();

    const result = await createSolarEstimate({ principal: customer, request }, depsWith(estimateStore));

    expect(calls.readEstimateContext).toEqual([['C1', undefined]]);
    expect(calls.saveEstimate).toBe(1);
    expect(result.estimateId).toBeDefined();
    expect(saved.get(`C1#${result.estimateId!}`)).toEqual(result);
    const financing = result.financing!;
    expect(financing.violations).toEqual([]);
    expect(financing.priceHalalas).toBe(result.figures.costRange.highHalalas);
    expect(financing.installmentCount).toBe(DEFAULT_LENDING_POLICY.installmentCountMax);
    expect(financing.financeableHalalas).toBe(Math.min(DEFAULT_LENDING_POLICY.exposureLimitHalalas, financing.priceHalalas));
    expect(financing.financeableHalalas + financing.downPaymentHalalas).toBe(financing.priceHalalas);
    expect(financing.installments.reduce((sum, installment) => sum + installment.amountHalalas, 0)).toBe(financing.financeableHalalas);
  });

  it('uses the installment count the customer asked for', async () => {
    const { estimateStore } = countingStore();

    const result = await createSolarEstimate({ principal: customer, request: { ...request, installmentCount: 6 } }, depsWith(estimateStore));

    expect(result.financing!.installmentCount).toBe(6);
    expect(result.financing!.installments).toHaveLength(6);
  });

  it('tells a signed-in caller who has not registered that the customer is not found, and finances nothing', async () => {
    const { estimateStore, calls } = countingStore({ applicant: undefined, account: undefined });

    const result = await createSolarEstimate({ principal: customer, request }, depsWith(estimateStore));

    expect(calls.saveEstimate).toBe(1);
    expect(result.financing!.violations).toEqual(['CUSTOMER_NOT_FOUND']);
    expect(result.financing!.financeableHalalas).toBe(0);
    expect(result.financing!.downPaymentHalalas).toBe(result.figures.costRange.highHalalas);
    expect(result.financing!.installments).toEqual([]);
  });

  it('refuses an electricity account that is not found, and saves nothing', async () => {
    const { estimateStore, calls } = countingStore({ applicant, account: undefined });

    await expectRabhanError(createSolarEstimate({ principal: customer, request: { cityId: 'riyadh', electricityAccountId: 'EA1', roofAreaSquareMeters: 100 } }, depsWith(estimateStore)), 'ELECTRICITY_ACCOUNT_NOT_FOUND');
    expect(calls.readEstimateContext).toEqual([['C1', 'EA1']]);
    expect(calls.saveEstimate).toBe(0);
  });

  it('refuses an account whose consumption has not been imported yet, and saves nothing', async () => {
    const pending = account({ status: 'PENDING', months: undefined, importedAt: undefined });
    const { estimateStore, calls } = countingStore({ applicant, account: pending });

    await expectRabhanError(createSolarEstimate({ principal: customer, request: { cityId: 'riyadh', electricityAccountId: 'EA1', roofAreaSquareMeters: 100 } }, depsWith(estimateStore)), 'ELECTRICITY_CONSUMPTION_NOT_IMPORTED');
    expect(calls.saveEstimate).toBe(0);
  });

  it('takes an imported account\'s consumption month by calendar month, January first, and records the account', async () => {
    const { estimateStore, calls } = countingStore({ applicant, account: account() });

    const result = await createSolarEstimate({ principal: customer, request: { cityId: 'riyadh', electricityAccountId: 'EA1', roofAreaSquareMeters: 100 } }, depsWith(estimateStore));

    expect(result.figures.consumption.monthlyKilowattHours).toEqual(Array.from({ length: 12 }, (_, index) => calendarMonthKilowattHours(index + 1)));
    expect(result.electricityAccountId).toBe('EA1');
    expect(calls.readEstimateContext).toHaveLength(1);
    expect(calls.saveEstimate).toBe(1);
  });
});

describe('reading a stored solar estimate', () => {
  it('returns the customer\'s own estimate', async () => {
    const { estimateStore } = countingStore();
    const created = await createSolarEstimate({ principal: customer, request }, depsWith(estimateStore));

    await expect(getSolarEstimate({ principal: customer, estimateId: created.estimateId! }, { estimateStore })).resolves.toEqual(created);
  });

  it('does not find another customer\'s estimate', async () => {
    const { estimateStore } = countingStore();
    const created = await createSolarEstimate({ principal: customer, request }, depsWith(estimateStore));

    await expectRabhanError(getSolarEstimate({ principal: anotherCustomer, estimateId: created.estimateId! }, { estimateStore }), 'SOLAR_ESTIMATE_NOT_FOUND');
  });
});

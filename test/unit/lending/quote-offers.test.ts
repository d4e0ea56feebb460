import { describe, expect, it } from 'vitest';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { DEFAULT_LENDING_POLICY, DEFAULT_PLAN_POLICY } from '../../../shared/kernel/policy.ts';
import { acceptQuote, type QuoteOfferDeps } from '../../../shared/lending/app/quote-offers.ts';
import type { Applicant, Offer } from '../../../shared/lending/domain/plan.ts';
import type { Quote, QuoteRequest } from '../../../shared/marketplace/index.ts';

const now = new Date('2026-12-03T09:00:00Z');
const customerId = 'C1';
const principal = { principalId: customerId, roles: ['customer' as const] };
const request: QuoteRequest = {
  requestId: 'R1',
  customerId,
  estimateId: 'E1',
  cityId: 'riyadh',
  recommendedWatts: 8_250,
  roofAreaSquareMeters: 60,
  monthlyConsumptionKilowattHours: new Array(12).fill(1_500),
  consentGivenAt: now,
  createdAt: now,
  closesAt: new Date('2026-12-17T09:00:00Z'),
  quoteCount: 2,
  status: 'OPEN',
};
const quote = (quoteId: string, contractorId: string, overrides: Partial<Quote> = {}): Quote => ({
  quoteId,
  requestId: 'R1',
  contractorId,
  contractorName: { ar: 'شركة', en: 'Company' },
  status: 'SUBMITTED',
  systemWatts: 8_250,
  module: { make: 'M', model: 'X', wattage: 550, count: 15 },
  inverter: { make: 'I', model: 'Y' },
  equipmentHalalas: 2_800_000,
  installationHalalas: 700_000,
  subtotalHalalas: 3_500_000,
  vatHalalas: 525_000,
  totalHalalas: 4_025_000,
  warrantyYears: 10,
  installationDays: 4,
  validUntil: '2026-12-31',
  submittedAt: now,
  responseSeconds: 60,
  ...overrides,
});
const applicant = (outstandingHalalas = 0): Applicant => ({
  customerId,
  outstandingHalalas,
  latestAssessment: { assessmentId: 'A1', status: 'COMPLETED', riskCategory: 'LOW', maximumFinancingHalalas: 500_000, completedAt: '2026-12-01T09:00:00Z' },
  plansInArrears: { '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
  nationalIdKind: 'citizen',
  dateOfBirthCiphertext: 'ciphertext',
  ageVerifiedForMinimumHijriYears: 18,
});

function deps(options: { quoteRequest?: QuoteRequest; quotes?: Quote[]; applicant?: Applicant; contractorStatus?: string } = {}) {
  const saved: Offer[] = [];
  let id = 0;
  const built: QuoteOfferDeps = {
    marketplaceStore: { loadRequestWithQuotes: async () => ({ request: options.quoteRequest ?? request, quotes: options.quotes ?? [quote('Q1', 'K1'), quote('Q2', 'K2')] }) },
    contractorStore: { findContractor: async (contractorId: string) => ({ contractor: { contractorId, status: options.contractorStatus ?? 'APPROVED' } as never, auditHead: { sequence: 1, hash: 'h' } }) },
    idempotencyStore: { find: async () => undefined },
    offerStore: {
      findApplicant: async () => options.applicant ?? applicant(),
      saveOffer: async () => undefined,
      saveOfferIdempotently: async (offer: Offer) => void saved.push(offer),
    },
    cipher: { decrypt: async () => '1990-01-01' },
    clock: { now: () => now },
    ids: { newId: () => `ID${(id += 1)}` },
    lending: DEFAULT_LENDING_POLICY,
    plans: DEFAULT_PLAN_POLICY,
  };
  return { built, saved };
}

const command = (overrides: Record<string, unknown> = {}) => ({
  principal,
  requestId: 'R1',
  quoteId: 'Q1',
  installmentCount: 6,
  idempotency: { principalId: customerId, keyDigest: 'k', fingerprint: 'f', replyTo: () => ({ statusCode: 201, body: {} }) },
  ...overrides,
});

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.catch((caught: unknown) => caught);
  return error instanceof RabhanError ? error.code : `not a RabhanError: ${String(error)}`;
};

describe('accepting an installer quote', () => {
  it('offers the quote total, financing what the limit leaves and taking the rest as the down payment, bound to the quote', async () => {
    const { built, saved } = deps({ applicant: applicant(100_000) });
    const outcome = await acceptQuote(command(), built);

    expect(outcome.kind).toBe('performed');
    expect(saved[0]).toMatchObject({ amountHalalas: 4_025_000, financedHalalas: 400_000, downPaymentHalalas: 3_625_000, quote: { quoteId: 'Q1', contractorId: 'K1', quoteCountAtOffer: 2, otherQuotes: [{ quoteId: 'Q2', contractorId: 'K2' }] } });
  });

  it('refuses an expired quote, one on another customer’s request, and one on a request already financed', async () => {
    expect(await codeOf(acceptQuote(command(), deps({ quotes: [quote('Q1', 'K1', { validUntil: '2026-12-02' })] }).built))).toBe('QUOTE_EXPIRED');
    expect(await codeOf(acceptQuote(command(), deps({ quoteRequest: { ...request, customerId: 'someone else' } }).built))).toBe('QUOTE_REQUEST_NOT_FOUND');
    expect(await codeOf(acceptQuote(command(), deps({ quoteRequest: { ...request, status: 'ACCEPTED' } }).built))).toBe('QUOTE_REQUEST_ALREADY_ACCEPTED');
  });

  it('treats a suspended installer’s quote as not there', async () => {
    expect(await codeOf(acceptQuote(command(), deps({ contractorStatus: 'SUSPENDED' }).built))).toBe('QUOTE_NOT_FOUND');
  });

  it('names the exposure limit when the customer has no room left, and when the chosen down payment is too small', async () => {
    expect(await codeOf(acceptQuote(command(), deps({ applicant: applicant(500_000) }).built))).toBe('EXPOSURE_LIMIT_EXCEEDED');
    expect(await codeOf(acceptQuote(command({ downPaymentHalalas: 1_000_000 }), deps().built))).toBe('EXPOSURE_LIMIT_EXCEEDED');
  });

  it('lets the customer choose a larger down payment than the limit requires', async () => {
    const { built, saved } = deps();
    await acceptQuote(command({ downPaymentHalalas: 3_900_000 }), built);
    expect(saved[0]).toMatchObject({ downPaymentHalalas: 3_900_000, financedHalalas: 125_000 });
  });
});

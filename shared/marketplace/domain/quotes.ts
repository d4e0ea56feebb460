/**
 * Quote requests and quotes. A request carries what installers need and no personal data; it is open to quotes
 * until its window ends or it has the policy's number of quotes. A quote's price is exact in halalas: VAT on the
 * equipment and installation prices, rounded half up to the halala, and the total their sum.
 */
import { basisPointsOfHalalasRoundedHalfUp } from '../../kernel/money.ts';

export interface MarketplacePolicy {
  /** How long a request takes quotes. */
  readonly quoteRequestOpenSeconds: number;
  /** A request closes once it has this many quotes: a household compares a handful, not dozens. */
  readonly quotesPerRequestMax: number;
  readonly vatBasisPoints: number;
  /** The longest a quote may stay valid. */
  readonly quoteValidityDaysMax: number;
}

export const DEFAULT_MARKETPLACE_POLICY: MarketplacePolicy = {
  quoteRequestOpenSeconds: 14 * 24 * 60 * 60,
  quotesPerRequestMax: 5,
  vatBasisPoints: 1_500,
  quoteValidityDaysMax: 90,
};

export interface QuoteRequest {
  readonly requestId: string;
  readonly customerId: string;
  readonly estimateId: string;
  readonly cityId: string;
  readonly recommendedWatts: number;
  readonly roofAreaSquareMeters: number;
  readonly monthlyConsumptionKilowattHours: readonly number[];
  readonly note?: string;
  readonly consentGivenAt: Date;
  readonly createdAt: Date;
  readonly closesAt: Date;
  readonly quoteCount: number;
  /** CLOSED once full (a request past its window reads as CLOSED too, `effectiveStatus`); ACCEPTED once a plan finances one of its quotes. */
  readonly status: 'OPEN' | 'CLOSED' | 'ACCEPTED';
}

export function effectiveStatus(request: Pick<QuoteRequest, 'status' | 'closesAt'>, now: Date): QuoteRequest['status'] {
  if (request.status !== 'OPEN') return request.status;
  return request.closesAt > now ? 'OPEN' : 'CLOSED';
}

/**
 * What an offer financing a quote carries so that the plan can settle the request in its own transaction: the quote
 * accepted, every other quote on the request to decline, and the quote count they were read at (a quote arriving
 * after the offer makes the plan refuse, rather than leave a quote undecided).
 */
export interface QuotePurchase {
  readonly requestId: string;
  readonly quoteId: string;
  readonly contractorId: string;
  readonly quoteCountAtOffer: number;
  readonly otherQuotes: readonly { readonly quoteId: string; readonly contractorId: string }[];
}

export interface QuoteLine {
  readonly systemWatts: number;
  readonly module: { readonly make: string; readonly model: string; readonly wattage: number; readonly count: number };
  readonly inverter: { readonly make: string; readonly model: string };
  readonly equipmentHalalas: number;
  readonly installationHalalas: number;
  readonly warrantyYears: number;
  readonly installationDays: number;
  /** The last calendar day the price holds, `YYYY-MM-DD`. */
  readonly validUntil: string;
}

export interface QuotePrice {
  readonly subtotalHalalas: number;
  readonly vatHalalas: number;
  readonly totalHalalas: number;
}

export type QuoteStatus = 'SUBMITTED' | 'ACCEPTED' | 'DECLINED';

export interface Quote extends QuoteLine, QuotePrice {
  readonly quoteId: string;
  readonly requestId: string;
  readonly contractorId: string;
  /** The contractor's legal name when it quoted, for the customer's comparison. */
  readonly contractorName: { readonly ar: string; readonly en: string };
  readonly status: QuoteStatus;
  readonly submittedAt: Date;
  /** Quote submitted minus request created: the contractor's response-time metric. */
  readonly responseSeconds: number;
}

/** VAT on the subtotal, rounded half up to the halala; the total is exactly subtotal plus VAT. */
export function priceQuote(line: Pick<QuoteLine, 'equipmentHalalas' | 'installationHalalas'>, policy: Pick<MarketplacePolicy, 'vatBasisPoints'>): QuotePrice {
  const subtotalHalalas = line.equipmentHalalas + line.installationHalalas;
  const vatHalalas = basisPointsOfHalalasRoundedHalfUp(subtotalHalalas, policy.vatBasisPoints);
  return { subtotalHalalas, vatHalalas, totalHalalas: subtotalHalalas + vatHalalas };
}

export type QuoteCheck = { readonly kind: 'valid' } | { readonly kind: 'refused'; readonly code: 'QUOTE_SIZES_DO_NOT_ADD_UP' | 'QUOTE_VALIDITY_OUT_OF_RANGE' };

/** The module count times their wattage must be the system size, and the validity must lie ahead, within the policy. */
export function checkQuote(line: QuoteLine, today: string, policy: Pick<MarketplacePolicy, 'quoteValidityDaysMax'>): QuoteCheck {
  if (line.module.count * line.module.wattage !== line.systemWatts) return { kind: 'refused', code: 'QUOTE_SIZES_DO_NOT_ADD_UP' };
  const days = (Date.parse(`${line.validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  if (!(days >= 0 && days <= policy.quoteValidityDaysMax)) return { kind: 'refused', code: 'QUOTE_VALIDITY_OUT_OF_RANGE' };
  return { kind: 'valid' };
}

/** Price per kWp, to the halala (half up): total × 1,000 / watts. */
export function pricePerKilowattPeakHalalas(totalHalalas: number, systemWatts: number): number {
  return Math.floor((totalHalalas * 1_000 * 2 + systemWatts) / (2 * systemWatts));
}

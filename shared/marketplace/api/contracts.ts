/** The marketplace's API contracts: quote requests, quotes and their comparison. */
import * as z from 'zod';
import { ULID_PATTERN } from '../../kernel/clock-and-ids.ts';
import { AMOUNT_HALALAS_MAX } from '../../kernel/http/halalas-schema.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { CITY_IDS } from '../../solar/index.ts';

export const QUOTE_REQUEST_NOTE_LENGTH_MAX = 500;
export const PAGE_SIZE_MAX = 50;
const MAKE_OR_MODEL_LENGTH_MAX = 80;

export const requestQuotesRequestSchema = z
  .strictObject({
    estimateId: ulidSchema.describe('One of your stored estimates: its city, size, roof area and consumption are shared, never who you are.'),
    // Only true is accepted; false is refused with 422 CONSENT_REQUIRED rather than a validation error.
    consent: z.boolean().meta({ const: true }).describe('Must be true: consent to share those facts with approved installers (PDPL; false: 422 CONSENT_REQUIRED).'),
    note: z.string().max(QUOTE_REQUEST_NOTE_LENGTH_MAX).optional().describe('For installers; do not include personal details.'),
  })
  .meta({ id: 'RequestQuotesRequest' });

const quoteRequestFields = {
  requestId: z.string(),
  cityId: z.string(),
  recommendedWatts: z.number().int(),
  roofAreaSquareMeters: z.number(),
  monthlyConsumptionKilowattHours: z.array(z.number().int()),
  note: z.string().optional(),
  status: z.enum(['OPEN', 'CLOSED', 'ACCEPTED']),
  quoteCount: z.number().int(),
  createdAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
};

/** What an installer sees: the facts, never the customer or the estimate behind them. */
export const quoteRequestForContractorSchema = z.strictObject(quoteRequestFields).meta({ id: 'QuoteRequestForContractor' });
export const quoteRequestSchema = z.strictObject({ ...quoteRequestFields, estimateId: z.string() }).meta({ id: 'QuoteRequest' });

/** The last quote's id and its request's id: what the page's start key is rebuilt from. */
const OWN_QUOTES_CURSOR_PATTERN = new RegExp(`^${ULID_PATTERN.source.slice(1, -1)}\\.${ULID_PATTERN.source.slice(1, -1)}$`);
const pageQuery = { limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).optional() };
const ulidCursor = z.string().regex(ULID_PATTERN).describe('Pass back the nextCursor of the previous page, unchanged.');

export const listQuoteRequestsQuerySchema = z.strictObject({ ...pageQuery, cursor: ulidCursor.optional() });
export const listOpenQuoteRequestsQuerySchema = z.strictObject({ cityId: z.enum(CITY_IDS).describe('One of the cities your company serves.'), ...pageQuery, cursor: ulidCursor.optional() });
export const listOwnQuotesQuerySchema = z.strictObject({
  ...pageQuery,
  cursor: z.string().regex(OWN_QUOTES_CURSOR_PATTERN).optional().describe('Pass back the nextCursor of the previous page, unchanged.'),
});

export const quoteRequestsPageSchema = z.strictObject({ quoteRequests: z.array(quoteRequestSchema), nextCursor: z.string().optional() }).meta({ id: 'QuoteRequestsPage' });
export const openQuoteRequestsPageSchema = z.strictObject({ quoteRequests: z.array(quoteRequestForContractorSchema), nextCursor: z.string().optional() }).meta({ id: 'OpenQuoteRequestsPage' });
export const quoteRequestPathSchema = z.strictObject({ requestId: ulidSchema });

const wholeHalalas = z.number().int().min(0).max(AMOUNT_HALALAS_MAX);
const text = z.string().min(1).max(MAKE_OR_MODEL_LENGTH_MAX);

export const submitQuoteRequestSchema = z
  .strictObject({
    systemWatts: z.number().int().min(1_000).max(2_000_000).describe('Must equal module.count × module.wattage (else 422 QUOTE_SIZES_DO_NOT_ADD_UP).'),
    module: z.strictObject({ make: text, model: text, wattage: z.number().int().min(100).max(1_000), count: z.number().int().min(1).max(5_000) }),
    inverter: z.strictObject({ make: text, model: text }),
    // Equipment always costs something: a quote of nothing could not be financed.
    equipmentHalalas: wholeHalalas.min(1).describe('Before VAT.'),
    installationHalalas: wholeHalalas.describe('Before VAT.'),
    warrantyYears: z.number().int().min(1).max(30),
    installationDays: z.number().int().min(1).max(365),
    validUntil: z.iso.date().describe('The last day the price holds: today to 90 days ahead (else 422 QUOTE_VALIDITY_OUT_OF_RANGE).'),
  })
  .meta({ id: 'SubmitQuoteRequest' });

export const quoteSchema = z
  .strictObject({
    quoteId: z.string(),
    requestId: z.string(),
    contractorId: z.string(),
    contractorName: z.strictObject({ ar: z.string(), en: z.string() }),
    status: z.enum(['SUBMITTED', 'ACCEPTED', 'DECLINED']),
    systemWatts: z.number().int(),
    module: z.strictObject({ make: z.string(), model: z.string(), wattage: z.number().int(), count: z.number().int() }),
    inverter: z.strictObject({ make: z.string(), model: z.string() }),
    equipmentHalalas: z.number().int(),
    installationHalalas: z.number().int(),
    subtotalHalalas: z.number().int(),
    vatHalalas: z.number().int().describe('15 % of the subtotal, rounded half up to the halala.'),
    totalHalalas: z.number().int(),
    warrantyYears: z.number().int(),
    installationDays: z.number().int(),
    validUntil: z.iso.date(),
    submittedAt: z.iso.datetime(),
    responseSeconds: z.number().int().describe('Submitted minus the request created.'),
  })
  .meta({ id: 'Quote' });

export const ownQuotesPageSchema = z.strictObject({ quotes: z.array(quoteSchema), nextCursor: z.string().optional() }).meta({ id: 'OwnQuotesPage' });

export const quoteComparisonSchema = z
  .strictObject({
    request: quoteRequestSchema,
    quotes: z.array(
      z.strictObject({
        quote: quoteSchema,
        pricePerKilowattPeakHalalas: z.number().int(),
        annualKilowattHours: z.number().int().describe("The calculator's production for this size in the request's city."),
        annualSavingsHalalas: z.number().int(),
        simplePaybackYears: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'QuoteComparison' });

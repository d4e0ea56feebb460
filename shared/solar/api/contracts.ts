/** The solar context's API contracts: cities, estimates and SEC electricity accounts. */
import * as z from 'zod';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { INSTALLMENTS_PER_PLAN_MAX } from '../../kernel/policy.ts';
import { CITY_IDS } from '../domain/city-ids.ts';
import { SEC_ACCOUNT_NUMBER_PATTERN, SEC_IMPORT_FAILURE_REASONS } from '../domain/electricity-account.ts';

/** Bounds on what a household can ask about: far above any home, far below what would overflow a figure. */
export const MONTHLY_CONSUMPTION_KILOWATT_HOURS_MAX = 100_000;
export const ROOF_AREA_SQUARE_METERS_MAX = 10_000;
export const SHADING_LOSS_PERCENT_MAX = 80;
export const TARGET_OFFSET_PERCENT_MIN = 10;
export const TARGET_OFFSET_PERCENT_MAX = 100;

const cityIdSchema = z.enum(CITY_IDS).describe('A supported city, as listed by GET /v1/solar/cities.');
const twelveMonths = <T extends z.ZodType>(item: T) => z.array(item).length(12);

export const listSolarCitiesResponseSchema = z
  .strictObject({
    cities: z.array(
      z.strictObject({
        cityId: z.string(),
        nameEn: z.string(),
        nameAr: z.string(),
        latitudeDegrees: z.number(),
        longitudeDegrees: z.number(),
        elevationMeters: z.number(),
        defaultTiltDegrees: z.number(),
        months: twelveMonths(
          z.strictObject({
            month: z.number().int(),
            representativeDate: z.iso.date(),
            ghiKilowattHoursPerSquareMeterPerDay: z.number(),
            meanAirTemperatureCelsius: z.number(),
            clearSkyIndex: z.number(),
          }),
        ),
        annualGhiKilowattHoursPerSquareMeter: z.number(),
        sources: z.strictObject({ coordinates: z.string(), irradiance: z.string(), temperature: z.string() }),
      }),
    ),
  })
  .meta({ id: 'SolarCities' });

export const createSolarEstimateRequestSchema = z
  .strictObject({
    cityId: cityIdSchema,
    monthlyConsumptionKilowattHours: twelveMonths(z.number().int().min(0).max(MONTHLY_CONSUMPTION_KILOWATT_HOURS_MAX))
      .optional()
      .describe('Whole kWh, January to December. Exactly one of this and electricityAccountId.'),
    electricityAccountId: ulidSchema.optional().describe('An imported SEC account of the signed-in customer. Exactly one of this and monthlyConsumptionKilowattHours.'),
    roofAreaSquareMeters: z.number().min(1).max(ROOF_AREA_SQUARE_METERS_MAX).describe('Usable, unshaded roof area.'),
    tiltDegrees: z.number().min(0).max(90).optional().describe("Default: the city's latitude rounded to the nearest of 20, 25 and 30."),
    azimuthDegrees: z.number().min(0).max(359).optional().describe('180 = south (the PVWatts convention, not PVGIS\'s), the default.'),
    shadingLossPercent: z.number().min(0).max(SHADING_LOSS_PERCENT_MAX).optional().describe('Replaces the 3 % shading component of the 14.08 % system losses.'),
    targetOffsetPercent: z.number().int().min(TARGET_OFFSET_PERCENT_MIN).max(TARGET_OFFSET_PERCENT_MAX).optional().describe('Share of annual consumption to produce; default 80.'),
    installmentCount: z.number().int().min(1).max(INSTALLMENTS_PER_PLAN_MAX).optional().describe("For the financing view; default the policy's maximum."),
  })
  .superRefine((request, context) => {
    const sources = Number(request.monthlyConsumptionKilowattHours !== undefined) + Number(request.electricityAccountId !== undefined);
    if (sources !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['monthlyConsumptionKilowattHours'],
        message: sources === 0 ? 'give monthlyConsumptionKilowattHours or electricityAccountId' : 'give only one of monthlyConsumptionKilowattHours and electricityAccountId',
      });
    }
  })
  // The refinement above is invisible to JSON Schema, so the document states the same rule for clients and fuzzers.
  .meta({ id: 'CreateSolarEstimateRequest', oneOf: [{ required: ['monthlyConsumptionKilowattHours'] }, { required: ['electricityAccountId'] }] });

const monthlyKilowattHoursSchema = twelveMonths(z.number().int().nonnegative());

const financingSchema = z
  .strictObject({
    priceHalalas: z.number().int().describe('The high end of the indicative cost range, VAT included: the price the view plans for.'),
    financeableHalalas: z.number().int().describe('The lower of the SAMA limit and the credit ceiling, less what is owed, capped by the price; 0 when a rule blocks.'),
    downPaymentHalalas: z.number().int(),
    violations: z.array(z.string()).describe('Offer rules that block financing now, in the offer order.'),
    limitHalalas: z.number().int(),
    outstandingHalalas: z.number().int(),
    installmentCount: z.number().int(),
    installments: z.array(z.strictObject({ sequence: z.number().int(), dueDate: z.iso.date(), amountHalalas: z.number().int() })),
    indicative: z.literal(true).describe('An offer re-checks every rule when the customer applies.'),
  })
  .meta({ id: 'SolarFinancingView' });

export const solarEstimateSchema = z
  .strictObject({
    estimateId: z.string().optional().describe("Present when stored: a signed-in customer's estimate."),
    createdAt: z.iso.datetime(),
    cityId: z.string(),
    electricityAccountId: z.string().optional(),
    system: z.strictObject({
      recommendedWatts: z.number().int(),
      moduleCount: z.number().int(),
      moduleWatts: z.number().int(),
      limitedBy: z.enum(['TARGET', 'ROOF_AREA', 'REGULATORY_MAXIMUM', 'REGULATORY_MINIMUM']),
      targetWatts: z.number().int(),
      roofCapacityWatts: z.number().int(),
      tiltDegrees: z.number(),
      azimuthDegrees: z.number(),
      shadingLossPercent: z.number(),
      targetOffsetPercent: z.number(),
      roofAreaSquareMeters: z.number(),
    }),
    production: z.strictObject({
      monthlyKilowattHours: monthlyKilowattHoursSchema,
      annualKilowattHours: z.number().int(),
      specificYieldKilowattHoursPerKilowattPeak: z.number().int(),
    }),
    consumption: z.strictObject({ monthlyKilowattHours: monthlyKilowattHoursSchema, annualKilowattHours: z.number().int() }),
    savings: z.strictObject({
      months: twelveMonths(
        z.strictObject({
          month: z.number().int(),
          consumptionKilowattHours: z.number().int(),
          productionKilowattHours: z.number().int(),
          selfConsumedKilowattHours: z.number().int(),
          exportedKilowattHours: z.number().int(),
          exportCreditHalalas: z.number().int(),
          billBeforeHalalas: z.number().int(),
          billAfterHalalas: z.number().int(),
          savingsHalalas: z.number().int(),
        }),
      ),
      billBeforeHalalas: z.number().int(),
      billAfterHalalas: z.number().int(),
      savingsHalalas: z.number().int(),
      unusedExportCreditHalalas: z.number().int(),
    }),
    costRange: z.strictObject({
      lowHalalas: z.number().int(),
      highHalalas: z.number().int(),
      vatIncluded: z.literal(true),
      indicative: z.literal(true).describe("Contractors' quotes are the real price."),
    }),
    simplePaybackYears: z.strictObject({ low: z.number(), high: z.number() }).nullable(),
    co2AvoidedKilogramsPerYear: z.number().int(),
    financing: financingSchema.optional().describe('For a signed-in customer only.'),
    assumptions: z.array(z.strictObject({ name: z.string(), value: z.union([z.number(), z.string()]), unit: z.string(), source: z.string() })),
  })
  .meta({ id: 'SolarEstimate' });

export const solarEstimatePathSchema = z.strictObject({ estimateId: ulidSchema });

export const linkElectricityAccountRequestSchema = z
  .strictObject({
    secAccountNumber: z.string().regex(SEC_ACCOUNT_NUMBER_PATTERN, 'must be 11 digits starting with 300 or 100').describe('11 digits starting with 300 (verified meter) or 100.'),
    cityId: cityIdSchema,
    // Only true is accepted; false is refused with 422 CONSENT_REQUIRED rather than a validation error.
    consent: z.boolean().meta({ const: true }).describe('Must be true: consent to import 12 months of consumption from SEC (false: 422 CONSENT_REQUIRED).'),
  })
  .meta({ id: 'LinkElectricityAccountRequest' });

export const electricityAccountPathSchema = z.strictObject({ accountId: ulidSchema });

export const electricityAccountSchema = z
  .strictObject({
    accountId: z.string(),
    cityId: z.string(),
    status: z.enum(['PENDING', 'IMPORTED', 'FAILED']),
    linkedAt: z.iso.datetime(),
    importedAt: z.iso.datetime().optional(),
    failureReason: z.enum(SEC_IMPORT_FAILURE_REASONS).optional(),
    months: z.array(z.strictObject({ month: z.string(), consumptionKilowattHours: z.number().int() })).optional(),
    annualConsumptionKilowattHours: z.number().int().optional(),
    suitability: z
      .strictObject({
        score: z.number().int().min(0).max(100),
        reasons: z.array(z.strictObject({ code: z.string(), points: z.number().int(), maximumPoints: z.number().int(), detail: z.string() })),
      })
      .optional()
      .describe('Once imported: 0–100 with its reasons (docs/solar-model.md).'),
  })
  .meta({ id: 'ElectricityAccount' });

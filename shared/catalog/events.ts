/**
 * Published events: a public product for integrators. Each event type has a source, a detail-type in words,
 * a schema version and a zod schema for its `data`. `data` carries ids and facts, never personal data.
 * `docs/events/` is generated from these definitions (see test/unit/contracts/events-docs.test.ts).
 */
import * as z from 'zod';

export interface EventTypeDefinition<TData extends z.ZodType = z.ZodType> {
  readonly source: `rabhan.${string}`;
  readonly detailType: string;
  readonly version: number;
  readonly data: TData;
}

function defineEventType<const TData extends z.ZodType>(definition: EventTypeDefinition<TData>): EventTypeDefinition<TData> {
  return definition;
}

export const EVENT_TYPES = {
  pipelineCanaryEmitted: defineEventType({
    source: 'rabhan.platform',
    detailType: 'Pipeline Canary Emitted',
    version: 1,
    data: z.strictObject({ canaryId: z.string().describe('Random id of this canary; the consumer records its arrival.') }),
  }),
  customerIdentityVerified: defineEventType({
    source: 'rabhan.identity',
    detailType: 'Customer Identity Verified',
    version: 1,
    data: z.strictObject({
      principalId: z.string().describe('Opaque id of the verified person.'),
      method: z.literal('NAFATH'),
      verifiedAt: z.iso.datetime(),
    }),
  }),
  customerRegistered: defineEventType({
    source: 'rabhan.customers',
    detailType: 'Customer Registered',
    version: 1,
    data: z.strictObject({
      customerId: z.string(),
      city: z.string().describe('City of residence, for regional statistics.'),
      preferredLanguage: z.enum(['ar', 'en']),
      registeredAt: z.iso.datetime(),
    }),
  }),
  creditAssessmentRequested: defineEventType({
    source: 'rabhan.customers',
    detailType: 'Credit Assessment Requested',
    version: 1,
    data: z.strictObject({ assessmentId: z.string(), customerId: z.string(), consentGivenAt: z.iso.datetime() }),
  }),
  creditAssessmentCompleted: defineEventType({
    source: 'rabhan.customers',
    detailType: 'Credit Assessment Completed',
    version: 1,
    data: z.strictObject({
      assessmentId: z.string(),
      customerId: z.string(),
      riskCategory: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      maximumFinancingHalalas: z.number().int().nonnegative(),
      completedAt: z.iso.datetime(),
    }),
  }),
  creditAssessmentFailed: defineEventType({
    source: 'rabhan.customers',
    detailType: 'Credit Assessment Failed',
    version: 1,
    data: z.strictObject({
      assessmentId: z.string(),
      customerId: z.string(),
      reasonCode: z.enum(['SIMAH_UNAVAILABLE', 'SIMAH_TIMEOUT', 'SIMAH_MALFORMED_RESPONSE', 'SIMAH_REJECTED_REQUEST']),
      failedAt: z.iso.datetime(),
    }),
  }),
  planCreated: defineEventType({
    source: 'rabhan.plans',
    detailType: 'Plan Created',
    version: 1,
    data: z.strictObject({
      planId: z.string(),
      customerId: z.string(),
      financedHalalas: z.number().int().positive(),
      downPaymentHalalas: z.number().int().nonnegative(),
      installmentCount: z.number().int().positive(),
      createdAt: z.iso.datetime(),
    }),
  }),
  planCancelled: defineEventType({
    source: 'rabhan.plans',
    detailType: 'Plan Cancelled',
    version: 1,
    data: z.strictObject({ planId: z.string(), customerId: z.string(), releasedHalalas: z.number().int().nonnegative(), cancelledAt: z.iso.datetime() }),
  }),
  paymentIntentCreated: defineEventType({
    source: 'rabhan.payments',
    detailType: 'Payment Intent Created',
    version: 1,
    data: z.strictObject({
      paymentId: z.string(),
      planId: z.string(),
      checkoutReference: z.string(),
      amountHalalas: z.number().int().positive(),
      method: z.enum(['MADA', 'CREDIT_CARD', 'APPLE_PAY', 'SADAD']),
    }),
  }),
  paymentReceived: defineEventType({
    source: 'rabhan.payments',
    detailType: 'Payment Received',
    version: 1,
    data: z.strictObject({
      paymentId: z.string(),
      planId: z.string(),
      customerId: z.string(),
      amountHalalas: z.number().int().positive(),
      allocations: z.array(z.strictObject({ sequence: z.number().int(), appliedHalalas: z.number().int().positive() })),
      outstandingHalalas: z.number().int().nonnegative(),
      receivedAt: z.iso.datetime(),
    }),
  }),
  paymentFailed: defineEventType({
    source: 'rabhan.payments',
    detailType: 'Payment Failed',
    version: 1,
    data: z.strictObject({ paymentId: z.string(), planId: z.string(), amountHalalas: z.number().int().positive(), failedAt: z.iso.datetime() }),
  }),
  planCompleted: defineEventType({
    source: 'rabhan.plans',
    detailType: 'Plan Completed',
    version: 1,
    data: z.strictObject({ planId: z.string(), customerId: z.string(), completedAt: z.iso.datetime() }),
  }),
  installmentOverdue: defineEventType({
    source: 'rabhan.plans',
    detailType: 'Installment Overdue',
    version: 1,
    data: z.strictObject({
      planId: z.string(),
      customerId: z.string(),
      sequence: z.number().int().positive(),
      dueDate: z.iso.date(),
      remainingHalalas: z.number().int().positive(),
      daysPastDue: z.number().int().positive(),
    }),
  }),
  planDelinquent: defineEventType({
    source: 'rabhan.plans',
    detailType: 'Plan Delinquent',
    version: 1,
    data: z.strictObject({
      planId: z.string(),
      customerId: z.string(),
      bucket: z.enum(['1-30', '31-60', '61-90', '90+']),
      overdueHalalas: z.number().int().positive(),
      daysPastDue: z.number().int().positive(),
    }),
  }),
  unappliedCashApplied: defineEventType({
    source: 'rabhan.payments',
    detailType: 'Unapplied Cash Applied',
    version: 1,
    data: z.strictObject({
      reconciliationItemId: z.string().describe('The reconciliation item whose money, held in suspense, was applied.'),
      planId: z.string(),
      customerId: z.string(),
      amountHalalas: z.number().int().positive(),
      outstandingHalalas: z.number().int().nonnegative().describe("What the plan still owes after it."),
      appliedAt: z.iso.datetime(),
    }),
  }),
  planDelinquencyCured: defineEventType({
    source: 'rabhan.plans',
    detailType: 'Plan Delinquency Cured',
    version: 1,
    data: z.strictObject({
      planId: z.string(),
      customerId: z.string(),
      previousBucket: z.enum(['1-30', '31-60', '61-90', '90+']).describe('The arrears bucket the plan was in before it became CURRENT again.'),
      curedAt: z.iso.datetime(),
    }),
  }),
} as const;

export type EventTypeName = keyof typeof EVENT_TYPES;

/** The envelope every published event's `detail` follows. */
export const eventDetailEnvelopeSchema = z.strictObject({
  id: z.string().describe('Unique event id; consumers deduplicate on it.'),
  version: z.number().int().positive().describe('Schema version of `data`.'),
  occurredAt: z.iso.datetime().describe('When the state change committed (UTC, ISO 8601).'),
  correlationId: z.string().describe('Ties the event to the request or message that caused it.'),
  data: z.unknown(),
});
export type EventDetailEnvelope = z.infer<typeof eventDetailEnvelopeSchema>;

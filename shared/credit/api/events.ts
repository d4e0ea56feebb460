/** The events the credit context publishes. `data` carries ids and facts, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

export const CREDIT_EVENTS = {
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
} as const;

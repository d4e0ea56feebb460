/** The events the lending context publishes. `data` carries ids and facts, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

export const LENDING_EVENTS = {
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

/** The events the payments context publishes. `data` carries ids and facts, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

export const PAYMENTS_EVENTS = {
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
  /** The suspense refunds queue's trigger, published with the four-eyes confirmation of a refund. */
  unappliedCashRefundRequested: defineEventType({
    source: 'rabhan.payments',
    detailType: 'Unapplied Cash Refund Requested',
    version: 1,
    data: z.strictObject({
      refundId: z.string(),
      reconciliationItemId: z.string().describe('The reconciliation item whose money, held in suspense, is refunded.'),
      amountHalalas: z.number().int().positive(),
      requestedAt: z.iso.datetime(),
    }),
  }),
} as const;

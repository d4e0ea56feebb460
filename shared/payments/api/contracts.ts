/** The payments context's API contracts: payment intents and the gateway's webhook. */
import * as z from 'zod';
import { PAYMENT_PURPOSES } from '../domain/payment.ts';
import { ULID_PATTERN } from '../../kernel/clock-and-ids.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { halalasSchema } from '../../kernel/http/halalas-schema.ts';
import { CHECKOUT_REFERENCE_PREFIX } from './checkout-reference.ts';

/** The plan a payment is made into, as its path names it. */
export const planPathSchema = z.strictObject({ planId: ulidSchema });

export const PAYMENT_METHODS = ['MADA', 'CREDIT_CARD', 'APPLE_PAY', 'SADAD'] as const;

export const createPaymentRequestSchema = z
  .strictObject({ amountHalalas: halalasSchema, method: z.enum(PAYMENT_METHODS).describe('Electronic channels only: cash is not accepted (SAMA).') })
  .meta({ id: 'CreatePaymentRequest' });

export const earlySettlementRequestSchema = z.strictObject({ method: z.enum(PAYMENT_METHODS) }).meta({ id: 'EarlySettlementRequest' });

export const paymentSchema = z
  .strictObject({
    paymentId: z.string(),
    planId: z.string(),
    amountHalalas: z.number().int(),
    method: z.enum(PAYMENT_METHODS),
    purpose: z.enum(PAYMENT_PURPOSES),
    status: z.enum(['PENDING', 'CONFIRMED', 'FAILED']),
    checkoutReference: z.string().describe('Hand this to the payment gateway checkout.'),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().describe('A payment still PENDING then is failed and its amount can be paid again.'),
  })
  .meta({ id: 'PaymentIntent' });

export const paymentWebhookSchema = z
  .strictObject({
    eventId: z.string().min(1).max(128),
    type: z.enum(['payment.confirmed', 'payment.failed']),
    checkoutReference: z.string().regex(new RegExp(`^${CHECKOUT_REFERENCE_PREFIX}${ULID_PATTERN.source.slice(1)}`)),
    planId: ulidSchema,
    amountHalalas: halalasSchema,
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'PaymentWebhook' });

/** The gateway's refund outcome webhook. */
export const refundWebhookSchema = z
  .strictObject({
    eventId: z.string().min(1).max(128),
    type: z.enum(['refund.succeeded', 'refund.failed']),
    refundId: z.string().min(1).max(64).describe('Our refund id.'),
    checkoutReference: z.string().min(1).max(64).optional(),
    amountHalalas: halalasSchema,
    occurredAt: z.iso.datetime(),
    reason: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'RefundWebhook' });

/** The project whose down payment is paid, as its path names it. */
export const projectPathSchema = z.strictObject({ projectId: ulidSchema });

export const downPaymentRequestSchema = z
  .strictObject({ method: z.enum(PAYMENT_METHODS).describe('Electronic channels only: cash is not accepted (SAMA).') })
  .meta({ id: 'DownPaymentRequest' });

/** The ops contract for money held in suspense: the reconciliation queue and its four-eyes resolution. */
import * as z from 'zod';
import { RECONCILIATION_REASONS, RECONCILIATION_STATUSES } from '../domain/reconciliation.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { opaqueCursor } from '../../kernel/http/opaque-cursor.ts';

/** Items are exceptions; a page of 100 is a screenful for an operator. */
export const RECONCILIATION_PAGE_SIZE_MAX = 100;
export const RECONCILIATION_PAGE_SIZE_DEFAULT = 25;
/** The cursor wraps an item id. */
export const RECONCILIATION_CURSOR_LENGTH_MAX = 128;

export const reconciliationItemPathSchema = z.strictObject({ itemId: ulidSchema });

export const reconciliationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(RECONCILIATION_PAGE_SIZE_MAX).optional(),
  cursor: opaqueCursor('the reconciliation queue', RECONCILIATION_CURSOR_LENGTH_MAX).optional(),
});

export const resolutionRequestSchema = z
  .union([
    z.strictObject({ planId: ulidSchema.describe('The plan the money belongs to. A confirmation must name the plan that was proposed.') }),
    z.strictObject({ refund: z.literal(true).describe("Refund the money through the gateway to whoever paid it. A confirmation must say so again.") }),
  ])
  .meta({ id: 'ReconciliationResolutionRequest' });

const staffDecisionSchema = z.strictObject({
  planId: z.string().optional().describe('Apply the money to this plan.'),
  refund: z.literal(true).optional().describe('Refund the money to whoever paid it.'),
  proposedBy: z.string().describe('The staff user id (never personal data).'),
  proposedAt: z.iso.datetime(),
});

export const reconciliationItemSchema = z
  .strictObject({
    itemId: z.string(),
    status: z.enum(RECONCILIATION_STATUSES),
    reason: z.enum(RECONCILIATION_REASONS),
    amountHalalas: z.number().int().positive(),
    gatewayEventId: z.string(),
    checkoutReference: z.string(),
    reportedPlanId: z.string().describe('The plan the gateway named; it may not exist.'),
    receivedAt: z.iso.datetime(),
    proposal: staffDecisionSchema.optional(),
    resolution: z
      .strictObject({
        planId: z.string().optional(),
        refund: z.literal(true).optional(),
        refundId: z.string().optional().describe("The refund's id at the gateway."),
        proposedBy: z.string(),
        confirmedBy: z.string(),
        resolvedAt: z.iso.datetime().describe('When the money left suspense; for a refund still REFUND_REQUESTED, when it was confirmed.'),
      })
      .optional(),
    refundAttemptCount: z.number().int().nonnegative().describe('Refunds asked of the gateway for this item; a failed one opens the item again.'),
  })
  .meta({ id: 'ReconciliationItem' });

export const reconciliationPageSchema = z
  .strictObject({ items: z.array(reconciliationItemSchema), nextCursor: z.string().optional() })
  .meta({ id: 'ReconciliationPage' });

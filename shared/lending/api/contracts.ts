/** The lending context's API contracts: offers, plans, statements and exposure. */
import * as z from 'zod';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { opaqueCursor } from '../../kernel/http/opaque-cursor.ts';
import { AMOUNT_HALALAS_MAX, halalasSchema } from '../../kernel/http/halalas-schema.ts';

/** Plans per page when listing. */
export const PLAN_PAGE_SIZE_MAX = 100;
export const PLAN_PAGE_SIZE_DEFAULT = 20;
/** Journals per statement page; a plan paid in many small amounts pages through the rest. */
export const STATEMENT_PAGE_SIZE_MAX = 100;
export const STATEMENT_PAGE_SIZE_DEFAULT = 50;

export const createOfferRequestSchema = z
  .strictObject({
    amountHalalas: halalasSchema,
    downPaymentHalalas: z.number().int().nonnegative().max(AMOUNT_HALALAS_MAX).optional().describe('Paid up front; defaults to 0.'),
    // The upper bound is policy (12 under SAMA), so beyond it the offer rules answer 422, not validation.
    installmentCount: z.number().int().meta({ minimum: 1 }).describe('1 to the policy maximum, 12 under SAMA; outside it: 422 INSTALLMENT_COUNT_OUT_OF_RANGE.'),
  })
  .meta({ id: 'CreateOfferRequest' });

const installmentSchema = z.strictObject({ sequence: z.number().int(), dueDate: z.iso.date(), amountHalalas: z.number().int() });

export const offerSchema = z
  .strictObject({
    offerId: z.string(),
    financedHalalas: z.number().int(),
    downPaymentHalalas: z.number().int(),
    feesHalalas: z.literal(0).describe('SAMA: no fees and no interest on the consumer.'),
    installments: z.array(installmentSchema),
    expiresAt: z.iso.datetime(),
    amountHalalas: z.number().int().optional().describe("For an offer on a quote: the quote's total, which the down payment and the financed part add up to."),
    quoteId: z.string().optional().describe('The installer quote the offer finances.'),
  })
  .meta({ id: 'Offer' });

export const acceptQuoteRequestSchema = z
  .strictObject({
    // The upper bound is policy (12 under SAMA), so beyond it the offer rules answer 422, not validation.
    installmentCount: z.number().int().meta({ minimum: 1 }).describe('1 to the policy maximum, 12 under SAMA; outside it: 422 INSTALLMENT_COUNT_OUT_OF_RANGE.'),
    downPaymentHalalas: z
      .number()
      .int()
      .nonnegative()
      .max(AMOUNT_HALALAS_MAX)
      .optional()
      .describe('Default: what the SAMA limit and your credit ceiling leave unfinanced. A larger one may be chosen; a smaller one gets 422 EXPOSURE_LIMIT_EXCEEDED.'),
  })
  .meta({ id: 'AcceptQuoteRequest' });

export const quotePathSchema = z.strictObject({ requestId: ulidSchema, quoteId: ulidSchema });

export const createPlanRequestSchema = z.strictObject({ offerId: ulidSchema }).meta({ id: 'CreatePlanRequest' });

export const planSchema = z
  .strictObject({
    planId: z.string(),
    status: z.enum(['ACTIVE', 'COMPLETED', 'CANCELLED']),
    amountHalalas: z.number().int(),
    downPaymentHalalas: z.number().int(),
    financedHalalas: z.number().int(),
    outstandingHalalas: z.number().int(),
    feesHalalas: z.literal(0),
    delinquencyBucket: z.enum(['CURRENT', '1-30', '31-60', '61-90', '90+']),
    createdAt: z.iso.datetime(),
    installments: z.array(installmentSchema.extend({ paidHalalas: z.number().int(), status: z.enum(['DUE', 'OVERDUE', 'PAID']) })),
    quoteId: z.string().optional().describe('The installer quote the plan pays for, when it finances one.'),
    contractorId: z.string().optional(),
    projectId: z.string().optional().describe('The installation project the plan pays for, when it finances a quote: GET /v1/projects/{projectId}.'),
    scheduleStatus: z
      .enum(['PROVISIONAL', 'FIXED'])
      .describe('PROVISIONAL until notice to proceed: a plan that finances an installation starts its schedule with the work, and the due dates shown until then are indicative.'),
  })
  .meta({ id: 'Plan' });

export const planPathSchema = z.strictObject({ planId: ulidSchema });

/** A plan-list cursor wraps the page's last table key (a few hundred characters); a statement cursor wraps a journal id. */
export const PLAN_LIST_CURSOR_LENGTH_MAX = 1024;
export const STATEMENT_CURSOR_LENGTH_MAX = 128;

export const listPlansQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PLAN_PAGE_SIZE_MAX).optional(),
  cursor: opaqueCursor('this list', PLAN_LIST_CURSOR_LENGTH_MAX).optional(),
});

export const statementQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(STATEMENT_PAGE_SIZE_MAX).optional(),
  cursor: opaqueCursor("this plan's statement", STATEMENT_CURSOR_LENGTH_MAX).optional(),
});

export const planPageSchema = z
  .strictObject({
    plans: z.array(planSchema),
    nextCursor: z.string().optional().describe('Opaque; pass as cursor to read the plans that follow; absent on the last page.'),
  })
  .meta({ id: 'PlanPage' });

export const statementSchema = z
  .strictObject({
    planId: z.string(),
    journals: z.array(
      z.strictObject({
        journalId: z.string(),
        description: z.string(),
        postedAt: z.iso.datetime(),
        reverses: z.string().optional(),
        entries: z.array(z.strictObject({ account: z.string(), side: z.enum(['DEBIT', 'CREDIT']), amountHalalas: z.number().int() })),
      }),
    ),
    nextCursor: z.string().optional().describe('Opaque; pass as cursor to read the journals that follow; absent on the last page.'),
  })
  .meta({ id: 'Statement' });

export const exposureSchema = z
  .strictObject({
    limitHalalas: z.number().int().describe("The most the customer may owe in total: the SAMA limit, or the credit assessment's lower ceiling."),
    outstandingHalalas: z.number().int(),
    availableHalalas: z.number().int().describe('What a new plan may still finance: the limit less what is outstanding, never below 0.'),
  })
  .meta({ id: 'Exposure' });

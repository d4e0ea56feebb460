/** The events the marketplace publishes: ids and facts, never personal data (a request names its city, not its customer). */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

const SOURCE = 'rabhan.marketplace';

export const MARKETPLACE_EVENTS = {
  quoteRequested: defineEventType({
    source: SOURCE,
    detailType: 'Quote Requested',
    version: 1,
    data: z.strictObject({ requestId: z.string(), cityId: z.string(), recommendedWatts: z.number().int(), closesAt: z.iso.datetime(), requestedAt: z.iso.datetime() }),
  }),
  quoteSubmitted: defineEventType({
    source: SOURCE,
    detailType: 'Quote Submitted',
    version: 1,
    data: z.strictObject({
      quoteId: z.string(),
      requestId: z.string(),
      contractorId: z.string(),
      systemWatts: z.number().int(),
      totalHalalas: z.number().int(),
      responseSeconds: z.number().int(),
      submittedAt: z.iso.datetime(),
    }),
  }),
  quoteAccepted: defineEventType({
    source: SOURCE,
    detailType: 'Quote Accepted',
    version: 1,
    data: z.strictObject({ quoteId: z.string(), requestId: z.string(), contractorId: z.string(), planId: z.string(), acceptedAt: z.iso.datetime() }),
  }),
  quoteDeclined: defineEventType({
    source: SOURCE,
    detailType: 'Quote Declined',
    version: 1,
    data: z.strictObject({ quoteId: z.string(), requestId: z.string(), contractorId: z.string(), declinedAt: z.iso.datetime() }),
  }),
} as const;

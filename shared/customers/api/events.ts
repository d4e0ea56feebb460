/** The events the customers context publishes. `data` carries ids and facts, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

export const CUSTOMERS_EVENTS = {
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
} as const;

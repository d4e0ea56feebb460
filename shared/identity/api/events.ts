/** The events the identity context publishes. `data` carries ids and facts, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

export const IDENTITY_EVENTS = {
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
} as const;

/** The events the contractors context publishes. `data` carries ids and company facts, never personal data (no IBAN). */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';
import { VAT_VERIFICATION_REJECTION_REASONS } from '../domain/vat-verification.ts';

const SOURCE = 'rabhan.contractors';
const decisionFacts = { contractorId: z.string(), decisionId: z.string(), reason: z.string(), proposedBy: z.string(), confirmedBy: z.string(), decidedAt: z.iso.datetime() };

export const CONTRACTORS_EVENTS = {
  contractorApplied: defineEventType({
    source: SOURCE,
    detailType: 'Contractor Applied',
    version: 1,
    data: z.strictObject({ contractorId: z.string(), vatNumber: z.string(), unifiedNumber: z.string(), cityIds: z.array(z.string()), appliedAt: z.iso.datetime() }),
  }),
  contractorVerified: defineEventType({
    source: SOURCE,
    detailType: 'Contractor Verified',
    version: 1,
    data: z.strictObject({ contractorId: z.string(), verifiedAt: z.iso.datetime() }),
  }),
  contractorRejected: defineEventType({
    source: SOURCE,
    detailType: 'Contractor Rejected',
    version: 1,
    data: z.strictObject({
      contractorId: z.string(),
      /** ZATCA's definite negative, or staff's decision (reasonCode STAFF_DECISION, with the decision's facts). */
      reasonCode: z.enum([...VAT_VERIFICATION_REJECTION_REASONS, 'STAFF_DECISION']),
      decisionId: z.string().optional(),
      rejectedAt: z.iso.datetime(),
    }),
  }),
  contractorApproved: defineEventType({ source: SOURCE, detailType: 'Contractor Approved', version: 1, data: z.strictObject({ ...decisionFacts, cityIds: z.array(z.string()) }) }),
  contractorSuspended: defineEventType({ source: SOURCE, detailType: 'Contractor Suspended', version: 1, data: z.strictObject(decisionFacts) }),
  /** A change of the payout IBAN was decided with four eyes (approved or rejected): the payouts held meanwhile may go. No IBAN, not even masked. */
  contractorPayoutsReleased: defineEventType({
    source: SOURCE,
    detailType: 'Contractor Payouts Released',
    version: 1,
    data: z.strictObject({ contractorId: z.string(), changeId: z.string(), decision: z.enum(['APPROVE', 'REJECT']), releasedAt: z.iso.datetime() }),
  }),
} as const;

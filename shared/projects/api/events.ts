/** The events the projects context publishes. `data` carries ids, amounts and statuses, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';
import { MILESTONES } from '../domain/project.ts';

const SOURCE = 'rabhan.projects';
const project = { projectId: z.string(), planId: z.string(), contractorId: z.string() };
const milestoneFacts = { ...project, milestone: z.enum(MILESTONES), amountHalalas: z.number().int() };
const disbursementFacts = { disbursementId: z.string(), projectId: z.string(), contractorId: z.string(), milestone: z.enum(MILESTONES), amountHalalas: z.number().int() };

export const PROJECTS_EVENTS = {
  projectStarted: defineEventType({
    source: SOURCE,
    detailType: 'Project Started',
    version: 1,
    data: z.strictObject({ ...project, customerId: z.string(), totalHalalas: z.number().int(), downPaymentHalalas: z.number().int(), financedHalalas: z.number().int(), startedAt: z.iso.datetime() }),
  }),
  downPaymentReceived: defineEventType({
    source: SOURCE,
    detailType: 'Down Payment Received',
    version: 1,
    data: z.strictObject({ ...project, paymentId: z.string(), amountHalalas: z.number().int(), receivedAt: z.iso.datetime() }),
  }),
  noticeToProceedIssued: defineEventType({
    source: SOURCE,
    detailType: 'Notice To Proceed Issued',
    version: 1,
    data: z.strictObject({ ...project, issuedAt: z.iso.datetime(), firstInstallmentDueDate: z.iso.date() }),
  }),
  milestoneSubmitted: defineEventType({
    source: SOURCE,
    detailType: 'Milestone Submitted',
    version: 1,
    data: z.strictObject({ ...milestoneFacts, fileCount: z.number().int(), submittedAt: z.iso.datetime() }),
  }),
  milestoneApproved: defineEventType({
    source: SOURCE,
    detailType: 'Milestone Approved',
    version: 1,
    data: z.strictObject({ ...milestoneFacts, decisionId: z.string(), proposedBy: z.string(), confirmedBy: z.string(), disbursementIds: z.array(z.string()), approvedAt: z.iso.datetime() }),
  }),
  milestoneRejected: defineEventType({
    source: SOURCE,
    detailType: 'Milestone Rejected',
    version: 1,
    data: z.strictObject({ ...milestoneFacts, decisionId: z.string(), reason: z.string(), proposedBy: z.string(), confirmedBy: z.string(), rejectedAt: z.iso.datetime() }),
  }),
  /** Not in the list: the payouts queue's trigger, published with the approval that creates the disbursement. */
  disbursementRequested: defineEventType({
    source: SOURCE,
    detailType: 'Disbursement Requested',
    version: 1,
    data: z.strictObject({ ...disbursementFacts, requestedAt: z.iso.datetime() }),
  }),
  disbursementSent: defineEventType({
    source: SOURCE,
    detailType: 'Disbursement Sent',
    version: 1,
    data: z.strictObject({ ...disbursementFacts, providerTransferId: z.string(), sentAt: z.iso.datetime() }),
  }),
  disbursementSettled: defineEventType({
    source: SOURCE,
    detailType: 'Disbursement Settled',
    version: 1,
    data: z.strictObject({ ...disbursementFacts, settledAt: z.iso.datetime() }),
  }),
  disbursementFailed: defineEventType({
    source: SOURCE,
    detailType: 'Disbursement Failed',
    version: 1,
    data: z.strictObject({ ...disbursementFacts, reason: z.string(), failedAt: z.iso.datetime() }),
  }),
  disbursementReturned: defineEventType({
    source: SOURCE,
    detailType: 'Disbursement Returned',
    version: 1,
    data: z.strictObject({ ...disbursementFacts, reason: z.string(), returnedAt: z.iso.datetime() }),
  }),
  projectStalled: defineEventType({
    source: SOURCE,
    detailType: 'Project Stalled',
    version: 1,
    data: z.strictObject({ ...project, awaitedMilestone: z.enum(MILESTONES), deadlineAt: z.iso.datetime(), flaggedAt: z.iso.datetime() }),
  }),
  projectCancelled: defineEventType({
    source: SOURCE,
    detailType: 'Project Cancelled',
    version: 1,
    data: z.strictObject({ ...project, refundHalalas: z.number().int().describe('The held down payment to be refunded; 0 when none was paid.'), cancelledAt: z.iso.datetime() }),
  }),
  projectEndedEarly: defineEventType({
    source: SOURCE,
    detailType: 'Project Ended Early',
    version: 1,
    data: z.strictObject({
      ...project,
      decisionId: z.string(),
      proposedBy: z.string(),
      confirmedBy: z.string(),
      undrawnFinancingHalalas: z.number().int().describe("Financing never drawn for the contractor: it left the customer's plan."),
      cancelledFromPlanHalalas: z.number().int(),
      refundHalalas: z.number().int().describe('Going back to the customer: the held down payment and what they repaid beyond the financing drawn.'),
      clawbackHalalas: z.number().int().describe('Claimed back from the contractor, for the customer.'),
      endedAt: z.iso.datetime(),
    }),
  }),
  /** Not in the list: the refunds queue's trigger, published with the cancellation that requests it. */
  downPaymentRefundRequested: defineEventType({
    source: SOURCE,
    detailType: 'Down Payment Refund Requested',
    version: 1,
    data: z.strictObject({ refundId: z.string(), projectId: z.string(), planId: z.string(), paymentId: z.string(), amountHalalas: z.number().int(), requestedAt: z.iso.datetime() }),
  }),
  projectCompleted: defineEventType({
    source: SOURCE,
    detailType: 'Project Completed',
    version: 1,
    data: z.strictObject({ ...project, totalHalalas: z.number().int(), completedAt: z.iso.datetime() }),
  }),
} as const;

/** The projects context's API contracts: projects, the installation address, the agreement, evidence, decisions, payouts. */
import * as z from 'zod';
import { opaqueCursor } from '../../kernel/http/opaque-cursor.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { DISBURSEMENT_STATUSES } from '../domain/disbursement.ts';
import { ADDRESS_NAME_LENGTH_MAX } from '../domain/installation-address.ts';
import { MILESTONE_DECISIONS } from '../domain/milestone-decision.ts';
import { EVIDENCE_FILE_KINDS, MILESTONES, PROJECT_STATUSES } from '../domain/project.ts';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_FILES_PER_MILESTONE_MAX } from '../app/milestones.ts';

/** A contractor's list joins each page in one batch read, which takes at most 10 keys. */
export const PROJECT_PAGE_SIZE_MAX = 10;
export const CONTRACTOR_STATEMENT_PAGE_SIZE_MAX = 100;
export const PROJECT_LIST_CURSOR_LENGTH_MAX = 1024;
export const STATEMENT_CURSOR_LENGTH_MAX = 128;
/** Reasons are read by people, not parsed; a page of text is more than any decision needs. */
export const DECISION_REASON_LENGTH_MAX = 1000;

export const projectPathSchema = z.strictObject({ projectId: ulidSchema });
export const milestonePathSchema = z.strictObject({ projectId: ulidSchema, milestone: z.enum(MILESTONES) });
export const milestoneDecisionPathSchema = z.strictObject({ projectId: ulidSchema, milestone: z.enum(MILESTONES), decisionId: ulidSchema });

export const listProjectsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PROJECT_PAGE_SIZE_MAX).optional(),
  cursor: opaqueCursor('this list', PROJECT_LIST_CURSOR_LENGTH_MAX).optional(),
});

export const statementQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(CONTRACTOR_STATEMENT_PAGE_SIZE_MAX).optional(),
  cursor: opaqueCursor("this contractor's statement", STATEMENT_CURSOR_LENGTH_MAX).optional(),
});

const milestoneSchema = z.strictObject({
  amountHalalas: z.number().int(),
  submittedAt: z.iso.datetime().optional(),
  fileCount: z.number().int().optional(),
  approvedAt: z.iso.datetime().optional(),
});

export const projectSchema = z
  .strictObject({
    projectId: z.string().describe("The same as the plan's id: one project per financed quote."),
    planId: z.string(),
    contractorId: z.string(),
    requestId: z.string(),
    quoteId: z.string(),
    status: z.enum(PROJECT_STATUSES),
    totalHalalas: z.number().int().describe("The quote's total: the down payment and the financing together."),
    downPaymentHalalas: z.number().int(),
    financedHalalas: z.number().int(),
    feesHalalas: z.literal(0).describe('No fees of any kind (SAMA BNPL Art. 20).'),
    createdAt: z.iso.datetime(),
    coolingOffEndsAt: z.iso.datetime().describe('No work starts and no money reaches the contractor before this.'),
    downPaymentReceivedAt: z.iso.datetime().optional(),
    downPaymentPending: z.boolean().describe('A down-payment intent is waiting for the gateway.'),
    installationAddressProvided: z.boolean(),
    addressDisclosureConsentedAt: z.iso.datetime().optional(),
    agreement: z.strictObject({ termsVersion: z.string(), termsSha256: z.string(), acceptedAt: z.iso.datetime() }).optional(),
    noticeToProceedAt: z.iso.datetime().optional(),
    installationConfirmedAt: z.iso.datetime().optional(),
    installationConfirmationDeemed: z.boolean().optional().describe('True when the customer did not answer within the window and is deemed to have confirmed.'),
    installationDisputedAt: z.iso.datetime().optional().describe("The customer disputed M2: its payout waits for staff's four-eyes decision."),
    confirmationDueAt: z.iso.datetime().optional().describe("After M2's submission: the customer's silence past this counts as confirmation."),
    milestones: z.strictObject({ M1: milestoneSchema, M2: milestoneSchema }),
    completedAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    refund: z
      .strictObject({ amountHalalas: z.number().int(), status: z.enum(['REQUESTED', 'SUCCEEDED', 'FAILED']), requestedAt: z.iso.datetime(), settledAt: z.iso.datetime().optional() })
      .optional()
      .describe('Money going back to the customer: the held down payment after a cancellation, and after an early ending also what they repaid beyond the financing drawn.'),
    stageDeadlineAt: z.iso.datetime().optional().describe('By when the contractor must submit the milestone awaited; past it the project is flagged stalled.'),
    stalled: z
      .strictObject({ awaitedMilestone: z.enum(MILESTONES), deadlineAt: z.iso.datetime(), flaggedAt: z.iso.datetime() })
      .optional()
      .describe('The project overstayed a stage; the latest such flag.'),
    earlyEnding: z
      .strictObject({
        endedAt: z.iso.datetime(),
        undrawnFinancingHalalas: z.number().int().describe('Financing never drawn for the contractor: it left the plan.'),
        cancelledFromPlanHalalas: z.number().int().describe('Of it, what the plan still owed and no longer does.'),
        repaidBeyondDrawnHalalas: z.number().int().describe('Of it, what the customer had already repaid: refunded with the held down payment.'),
        clawbackHalalas: z.number().int().describe('What the contractor was paid, claimed back for the customer.'),
      })
      .optional()
      .describe('Staff ended the stalled project after M1, with four eyes (status ENDED_EARLY).'),
  })
  .meta({ id: 'Project' });

export const projectPageSchema = z
  .strictObject({
    projects: z.array(projectSchema),
    nextCursor: z.string().optional().describe('Opaque; pass as cursor to read the projects that follow; absent on the last page.'),
  })
  .meta({ id: 'ProjectPage' });

const digits = (count: number, what: string) => z.string().regex(new RegExp(`^[0-9]{${count}}$`)).describe(`${what}: ${count} digits.`);
const addressName = (what: string) =>
  z
    .string()
    .min(1)
    .max(ADDRESS_NAME_LENGTH_MAX)
    // Explicit ranges, not \p{L}: the pattern must mean the same in every JSON Schema engine that reads the document.
    .regex(/^[A-Za-z0-9\u0600-\u06FF][A-Za-z0-9\u0600-\u06FF .,'()/-]*$/)
    .describe(`${what}, in Arabic or English letters, digits, spaces and . , ' ( ) / -`);

export const installationAddressSchema = z
  .strictObject({
    buildingNumber: digits(4, 'The building number'),
    street: addressName('The street'),
    district: addressName('The district'),
    city: addressName('The city'),
    postalCode: digits(5, 'The postal code'),
    additionalNumber: digits(4, 'The additional number'),
  })
  .meta({ id: 'InstallationAddress' });

export const installationAddressRequestSchema = z
  .strictObject({
    address: installationAddressSchema,
    consentToShareWithContractor: z
      .boolean()
      .describe("Must be true: the chosen contractor sees the address, your name and your phone to install the system. Without it: 422 CONSENT_REQUIRED."),
  })
  .meta({ id: 'InstallationAddressRequest' });

export const installationSiteSchema = z
  .strictObject({
    address: installationAddressSchema,
    customer: z.strictObject({ fullNameAr: z.string(), fullNameEn: z.string(), phone: z.string() }).optional().describe("Shown to the contractor only; each disclosure is audited."),
  })
  .meta({ id: 'InstallationSite' });

export const agreementSchema = z
  .strictObject({
    termsVersion: z.string(),
    termsSha256: z.string().describe('SHA-256 (hex) of the canonical JSON of `terms`: quote it, with termsVersion, to accept.'),
    terms: z.record(z.string(), z.unknown()).describe('Every figure agreed to: price, down payment, financing, fees (none), each installment, the cooling-off end and the milestone split.'),
    acceptedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Agreement' });

export const acceptAgreementRequestSchema = z
  .strictObject({
    termsVersion: z.string().min(1).max(64),
    termsSha256: z.string().regex(/^[0-9a-f]{64}$/).describe('The termsSha256 of the agreement as shown (GET .../agreement).'),
  })
  .meta({ id: 'AcceptAgreementRequest' });

export const disputeInstallationRequestSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(DECISION_REASON_LENGTH_MAX).describe('What is wrong with the installation as submitted; staff read it.') })
  .meta({ id: 'DisputeInstallationRequest' });

export const evidenceUploadRequestSchema = z
  .strictObject({ contentType: z.enum(EVIDENCE_CONTENT_TYPES).describe('Images (JPEG, PNG) and PDF only.') })
  .meta({ id: 'EvidenceUploadRequest' });

export const evidenceUploadSchema = z
  .strictObject({
    fileId: z.string(),
    contentType: z.enum(EVIDENCE_CONTENT_TYPES),
    maxBytes: z.number().int(),
    url: z.string().describe('POST multipart/form-data here: every field below, then the file as `file`.'),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'EvidenceUpload' });

export const milestoneSubmissionRequestSchema = z
  .strictObject({
    files: z
      .array(z.strictObject({ fileId: ulidSchema, kind: z.enum(EVIDENCE_FILE_KINDS) }))
      .min(1)
      .max(EVIDENCE_FILES_PER_MILESTONE_MAX)
      .describe('M1 needs a SIGNED_INSTALLATION_CONTRACT; M2 an INSTALLATION_PHOTO.'),
    secReferenceNumber: z
      .string()
      .regex(/^[A-Z0-9-]{4,32}$/)
      .describe("M1: the SEC connection application number. M2: the SEC connection approval number. 4 to 32 capital letters, digits or '-'."),
  })
  .meta({ id: 'MilestoneSubmissionRequest' });

export const milestoneEvidenceSchema = z
  .strictObject({
    milestone: z.enum(MILESTONES),
    secReferenceNumber: z.string().optional(),
    submittedAt: z.iso.datetime().optional(),
    files: z.array(z.strictObject({ fileId: z.string(), kind: z.enum(EVIDENCE_FILE_KINDS), contentType: z.string(), sizeBytes: z.number().int(), downloadUrl: z.string() })),
    downloadUrlsExpireAt: z.iso.datetime(),
  })
  .meta({ id: 'MilestoneEvidence' });

export const proposeMilestoneDecisionRequestSchema = z
  .strictObject({ decision: z.enum(MILESTONE_DECISIONS), reason: z.string().trim().min(1).max(DECISION_REASON_LENGTH_MAX) })
  .meta({ id: 'ProposeMilestoneDecisionRequest' });

export const milestoneDecisionSchema = z
  .strictObject({
    decisionId: z.string(),
    projectId: z.string(),
    milestone: z.enum(MILESTONES),
    decision: z.enum(MILESTONE_DECISIONS),
    reason: z.string(),
    status: z.enum(['PENDING_CONFIRMATION', 'CONFIRMED']),
    proposedBy: z.string(),
    proposedAt: z.iso.datetime(),
    confirmedBy: z.string().optional(),
    confirmedAt: z.iso.datetime().optional(),
    projectStatus: z.enum(PROJECT_STATUSES),
    disbursementIds: z.array(z.string()).describe('The bank transfers an approval created, each within the transfer limit.'),
  })
  .meta({ id: 'MilestoneDecision' });

export const disbursementSchema = z.strictObject({
  disbursementId: z.string(),
  milestone: z.enum(MILESTONES),
  amountHalalas: z.number().int(),
  status: z.enum(DISBURSEMENT_STATUSES),
  requestedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().optional(),
  settledAt: z.iso.datetime().optional(),
  failedAt: z.iso.datetime().optional(),
  returnedAt: z.iso.datetime().optional(),
  failureReason: z.string().optional(),
});

export const disbursementListSchema = z.strictObject({ projectId: z.string(), disbursements: z.array(disbursementSchema) }).meta({ id: 'DisbursementList' });

export const contractorStatementSchema = z
  .strictObject({
    contractorId: z.string(),
    payableHalalas: z.number().int().describe('Approved and not yet sent: never negative.'),
    approvedHalalas: z.number().int(),
    paidHalalas: z.number().int().describe('Sent to the bank, less what failed or came back.'),
    receivableHalalas: z.number().int().describe('Claimed back from the contractor for projects ended early, for their customers.'),
    journals: z.array(
      z.strictObject({
        journalId: z.string(),
        description: z.string(),
        postedAt: z.iso.datetime(),
        entries: z.array(z.strictObject({ account: z.string(), side: z.enum(['DEBIT', 'CREDIT']), amountHalalas: z.number().int() })),
      }),
    ),
    nextCursor: z.string().optional().describe('Opaque; pass as cursor to read the journals that follow; absent on the last page.'),
  })
  .meta({ id: 'ContractorStatement' });

/** The payout provider's outcome webhook, as the bank signs it. */
export const payoutWebhookSchema = z
  .strictObject({
    eventId: z.string().min(1).max(128),
    type: z.enum(['transfer.sent', 'transfer.settled', 'transfer.failed', 'transfer.returned']),
    transferId: z.string().min(1).max(64).describe('Our disbursement id.'),
    providerTransferId: z.string().min(1).max(128),
    amountHalalas: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    occurredAt: z.iso.datetime(),
    reason: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'PayoutWebhook' });

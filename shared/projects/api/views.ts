/** Domain → response mappers for the projects context's routes. */
import type { Agreement, InstallationSite } from '../app/projects.ts';
import type { DecisionReading } from '../app/decisions.ts';
import type { EvidenceUpload, MilestoneEvidence } from '../app/milestones.ts';
import type { ContractorStatement } from '../app/statement.ts';
import type { ProjectPage } from '../app/ports.ts';
import type { Disbursement } from '../domain/disbursement.ts';
import { MILESTONES, type MilestoneState, type Project } from '../domain/project.ts';

const optionalIso = <K extends string>(name: K, date: Date | undefined): Partial<Record<K, string>> => (date === undefined ? {} : ({ [name]: date.toISOString() } as Record<K, string>));

function toMilestoneView(state: MilestoneState) {
  return {
    amountHalalas: state.amountHalalas,
    ...optionalIso('submittedAt', state.submission?.submittedAt),
    ...(state.submission === undefined ? {} : { fileCount: state.submission.files.length }),
    ...optionalIso('approvedAt', state.approvedAt),
  };
}

export function toProjectView(project: Project) {
  return {
    projectId: project.projectId,
    planId: project.planId,
    contractorId: project.contractorId,
    requestId: project.requestId,
    quoteId: project.quoteId,
    status: project.status,
    totalHalalas: project.totalHalalas,
    downPaymentHalalas: project.downPaymentHalalas,
    financedHalalas: project.financedHalalas,
    feesHalalas: 0 as const,
    createdAt: project.createdAt.toISOString(),
    coolingOffEndsAt: project.coolingOffEndsAt.toISOString(),
    ...optionalIso('downPaymentReceivedAt', project.downPaymentReceivedAt),
    downPaymentPending: project.pendingDownPaymentId !== undefined,
    installationAddressProvided: project.installationAddressProvided,
    ...optionalIso('addressDisclosureConsentedAt', project.addressDisclosureConsentedAt),
    ...(project.agreement === undefined ? {} : { agreement: { termsVersion: project.agreement.termsVersion, termsSha256: project.agreement.termsSha256, acceptedAt: project.agreement.acceptedAt.toISOString() } }),
    ...optionalIso('noticeToProceedAt', project.noticeToProceedAt),
    ...optionalIso('installationConfirmedAt', project.installationConfirmation?.confirmedAt),
    ...(project.installationConfirmation === undefined ? {} : { installationConfirmationDeemed: project.installationConfirmation.deemed }),
    ...optionalIso('installationDisputedAt', project.installationDispute?.disputedAt),
    ...optionalIso('confirmationDueAt', project.confirmationDueAt),
    milestones: Object.fromEntries(MILESTONES.map((milestone) => [milestone, toMilestoneView(project.milestones[milestone])])) as Record<(typeof MILESTONES)[number], ReturnType<typeof toMilestoneView>>,
    ...optionalIso('completedAt', project.completedAt),
    ...optionalIso('cancelledAt', project.cancelledAt),
    ...(project.refund === undefined
      ? {}
      : { refund: { amountHalalas: project.refund.amountHalalas, status: project.refund.status, requestedAt: project.refund.requestedAt.toISOString(), ...optionalIso('settledAt', project.refund.settledAt) } }),
    ...optionalIso('stageDeadlineAt', project.stageDeadlineAt),
    ...(project.stalled === undefined
      ? {}
      : { stalled: { awaitedMilestone: project.stalled.stage, deadlineAt: project.stalled.deadlineAt.toISOString(), flaggedAt: project.stalled.flaggedAt.toISOString() } }),
    ...(project.earlyEnding === undefined
      ? {}
      : {
          earlyEnding: {
            endedAt: project.earlyEnding.endedAt.toISOString(),
            undrawnFinancingHalalas: project.earlyEnding.undrawnFinancingHalalas,
            cancelledFromPlanHalalas: project.earlyEnding.cancelledFromPlanHalalas,
            repaidBeyondDrawnHalalas: project.earlyEnding.repaidBeyondDrawnHalalas,
            clawbackHalalas: project.earlyEnding.clawbackHalalas,
          },
        }),
  };
}

export const toProjectPageView = (page: ProjectPage) => ({ projects: page.projects.map(toProjectView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) });

export const toInstallationSiteView = (site: InstallationSite) => ({ address: site.address, ...(site.customer === undefined ? {} : { customer: site.customer }) });

export const toAgreementView = (agreement: Agreement) => ({
  termsVersion: agreement.terms.termsVersion,
  termsSha256: agreement.termsSha256,
  terms: { ...agreement.terms },
  ...optionalIso('acceptedAt', agreement.acceptance?.acceptedAt),
});

export const toEvidenceUploadView = (upload: EvidenceUpload) => ({ ...upload, fields: { ...upload.fields }, expiresAt: upload.expiresAt.toISOString() });

export const toMilestoneEvidenceView = (evidence: MilestoneEvidence) => ({
  milestone: evidence.milestone,
  ...(evidence.secReferenceNumber === undefined ? {} : { secReferenceNumber: evidence.secReferenceNumber }),
  ...optionalIso('submittedAt', evidence.submittedAt),
  files: evidence.files.map(({ fileId, kind, contentType, sizeBytes, downloadUrl }) => ({ fileId, kind, contentType, sizeBytes, downloadUrl })),
  downloadUrlsExpireAt: evidence.downloadUrlsExpireAt.toISOString(),
});

export const toMilestoneDecisionView = (reading: DecisionReading) => ({
  decisionId: reading.decision.decisionId,
  projectId: reading.decision.projectId,
  milestone: reading.decision.milestone,
  decision: reading.decision.decision,
  reason: reading.decision.reason,
  status: reading.decision.status,
  proposedBy: reading.decision.proposedBy,
  proposedAt: reading.decision.proposedAt.toISOString(),
  ...(reading.decision.confirmedBy === undefined ? {} : { confirmedBy: reading.decision.confirmedBy }),
  ...optionalIso('confirmedAt', reading.decision.confirmedAt),
  projectStatus: reading.projectStatus,
  disbursementIds: [...reading.disbursementIds],
});

export const toDisbursementView = (disbursement: Disbursement) => ({
  disbursementId: disbursement.disbursementId,
  milestone: disbursement.milestone,
  amountHalalas: disbursement.amountHalalas,
  status: disbursement.status,
  requestedAt: disbursement.requestedAt.toISOString(),
  ...optionalIso('sentAt', disbursement.sentAt),
  ...optionalIso('settledAt', disbursement.settledAt),
  ...optionalIso('failedAt', disbursement.failedAt),
  ...optionalIso('returnedAt', disbursement.returnedAt),
  ...(disbursement.failureReason === undefined ? {} : { failureReason: disbursement.failureReason }),
});

export const toContractorStatementView = (statement: ContractorStatement) => ({
  contractorId: statement.account.contractorId,
  payableHalalas: statement.account.payableHalalas,
  approvedHalalas: statement.account.approvedHalalas,
  paidHalalas: statement.account.paidHalalas,
  receivableHalalas: statement.account.receivableHalalas,
  journals: statement.journals.map((journal) => ({
    journalId: journal.journalId,
    description: journal.description,
    postedAt: journal.postedAt.toISOString(),
    entries: journal.entries.map(({ account, side, amountHalalas }) => ({ account, side, amountHalalas })),
  })),
  ...(statement.nextCursor === undefined ? {} : { nextCursor: statement.nextCursor }),
});

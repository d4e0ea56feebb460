/**
 * Milestone evidence: the contractor uploads files through presigned POST forms (type and size limited by the form),
 * then submits the milestone with the files' ids and the SEC reference number. Submission checks every file again
 * with HeadObject, since a form's policy is enforced only by S3 itself (not by the local engine). The customer, the
 * contractor and staff read evidence through short-lived presigned links.
 */
import { newEventFacts, outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { PROJECTS_EVENTS } from '../api/events.ts';
import { projectsError } from '../api/error-codes.ts';
import { acceptsEvidenceUploads, confirmInstallation, disputeInstallation, MILESTONE_REQUIREMENTS, submitMilestone, type EvidenceFile, type EvidenceFileKind, type Milestone, type Project } from '../domain/project.ts';
import type { EvidenceDeps, ProjectDeps } from './project-deps.ts';
import { readProject, refusalError } from './projects.ts';

/** Images and PDF only. */
export const EVIDENCE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];
/** 10 MB: a phone photo or a scanned contract, not a video. */
export const EVIDENCE_FILE_BYTES_MAX = 10 * 1024 * 1024;
/** Files per milestone submission. */
export const EVIDENCE_FILES_PER_MILESTONE_MAX = 10;
/** An upload form lives long enough to send one file from a phone on site. */
export const EVIDENCE_UPLOAD_TTL_SECONDS = 15 * 60;
/** A download link lives long enough to open it, not to share it. */
export const EVIDENCE_DOWNLOAD_TTL_SECONDS = 5 * 60;

export const evidenceObjectKey = (projectId: string, milestone: Milestone, fileId: string): string => `projects/${projectId}/${milestone}/${fileId}`;

async function contractorProject(principal: Principal, projectId: string, deps: Pick<ProjectDeps, 'projectStore'>): Promise<Project> {
  const { project, viewer } = await readProject({ principal, projectId }, deps);
  // Staff and the customer may read a project, but only its contractor uploads and submits evidence.
  if (viewer !== 'contractor') throw projectsError('PROJECT_NOT_FOUND');
  return project;
}

export interface EvidenceUpload {
  readonly fileId: string;
  readonly contentType: EvidenceContentType;
  readonly maxBytes: number;
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

export async function requestEvidenceUpload(
  command: { readonly principal: Principal; readonly projectId: string; readonly milestone: Milestone; readonly contentType: EvidenceContentType },
  deps: Pick<EvidenceDeps, 'projectStore' | 'ids' | 'evidenceFiles'>,
): Promise<EvidenceUpload> {
  const project = await contractorProject(command.principal, command.projectId, deps);
  if (!acceptsEvidenceUploads(project, command.milestone)) throw projectsError('PROJECT_STATUS_CONFLICT');
  const fileId = deps.ids.newId();
  const form = await deps.evidenceFiles.uploadForm({
    key: evidenceObjectKey(project.projectId, command.milestone, fileId),
    contentType: command.contentType,
    maxBytes: EVIDENCE_FILE_BYTES_MAX,
    ttlSeconds: EVIDENCE_UPLOAD_TTL_SECONDS,
  });
  return { fileId, contentType: command.contentType, maxBytes: EVIDENCE_FILE_BYTES_MAX, ...form };
}

export async function submitMilestoneEvidence(
  command: {
    readonly principal: Principal;
    readonly projectId: string;
    readonly milestone: Milestone;
    readonly files: readonly { readonly fileId: string; readonly kind: EvidenceFileKind }[];
    readonly secReferenceNumber: string;
    readonly correlationId: string;
  },
  deps: Pick<EvidenceDeps, 'projectStore' | 'clock' | 'ids' | 'evidenceFiles' | 'policy'>,
): Promise<Project> {
  const project = await contractorProject(command.principal, command.projectId, deps);
  if (!acceptsEvidenceUploads(project, command.milestone)) throw projectsError('PROJECT_STATUS_CONFLICT');
  if (command.files.length > EVIDENCE_FILES_PER_MILESTONE_MAX) throw projectsError('EVIDENCE_FILES_EXCEEDED');
  const stored = await Promise.all(command.files.map((file) => deps.evidenceFiles.describe(evidenceObjectKey(project.projectId, command.milestone, file.fileId))));
  const files: EvidenceFile[] = command.files.map((file, index) => {
    const found = stored[index];
    const acceptable = found !== undefined && (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(found.contentType) && found.sizeBytes > 0 && found.sizeBytes <= EVIDENCE_FILE_BYTES_MAX;
    if (!acceptable) throw projectsError('EVIDENCE_FILE_NOT_UPLOADED', { details: [{ field: `body.files[${index}].fileId`, issue: 'not uploaded, or not an image or PDF within the size limit' }] });
    return { fileId: file.fileId, kind: file.kind, contentType: found.contentType, sizeBytes: found.sizeBytes };
  });
  const now = deps.clock.now();
  const moved = submitMilestone(project, command.milestone, { files, secReferenceNumber: command.secReferenceNumber, submittedBy: command.principal.principalId, submittedAt: now }, deps.policy);
  if (moved.kind === 'refused') throw refusalError(moved.refusal);
  const { amountHalalas } = project.milestones[command.milestone];
  await deps.projectStore.commitProjectChange({
    before: project,
    after: moved.project,
    audit: {
      action: 'MILESTONE_SUBMITTED',
      actor: command.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { milestone: command.milestone, fileIds: files.map((file) => file.fileId), [MILESTONE_REQUIREMENTS[command.milestone].secReference]: command.secReferenceNumber },
    },
    events: [
      outboundEvent(
        PROJECTS_EVENTS.milestoneSubmitted,
        { projectId: project.projectId, planId: project.planId, contractorId: project.contractorId, milestone: command.milestone, amountHalalas, fileCount: files.length, submittedAt: now.toISOString() },
        newEventFacts(deps.ids, command.correlationId, now),
      ),
    ],
  });
  return moved.project;
}

export interface MilestoneEvidence {
  readonly milestone: Milestone;
  readonly secReferenceNumber: string | undefined;
  readonly submittedAt: Date | undefined;
  readonly files: readonly (EvidenceFile & { readonly downloadUrl: string })[];
  readonly downloadUrlsExpireAt: Date;
}

/** Presigned links are made only for a caller who may see the project, one per file of the latest submission. */
export async function readMilestoneEvidence(
  query: { readonly principal: Principal; readonly projectId: string; readonly milestone: Milestone },
  deps: Pick<EvidenceDeps, 'projectStore' | 'clock' | 'evidenceFiles'>,
): Promise<MilestoneEvidence> {
  const { project } = await readProject(query, deps);
  const submission = project.milestones[query.milestone].submission;
  const files = await Promise.all(
    (submission?.files ?? []).map(async (file) => ({ ...file, downloadUrl: await deps.evidenceFiles.downloadUrl(evidenceObjectKey(project.projectId, query.milestone, file.fileId), EVIDENCE_DOWNLOAD_TTL_SECONDS) })),
  );
  return {
    milestone: query.milestone,
    secReferenceNumber: submission?.secReferenceNumber,
    submittedAt: submission?.submittedAt,
    files,
    downloadUrlsExpireAt: new Date(deps.clock.now().getTime() + EVIDENCE_DOWNLOAD_TTL_SECONDS * 1000),
  };
}

/** The customer confirms the system was installed, after M2 is submitted. Confirming again answers as the first time. */
export async function confirmProjectInstallation(command: { readonly principal: Principal; readonly projectId: string }, deps: Pick<ProjectDeps, 'projectStore' | 'clock'>): Promise<Project> {
  const { project, viewer } = await readProject(command, deps);
  if (viewer !== 'customer') throw projectsError('PROJECT_NOT_FOUND');
  if (project.installationConfirmation !== undefined) return project;
  const now = deps.clock.now();
  const moved = confirmInstallation(project, { confirmedAt: now, confirmedBy: command.principal.principalId, deemed: false });
  if (moved.kind === 'refused') throw refusalError(moved.refusal);
  await deps.projectStore.commitProjectChange({
    before: project,
    after: moved.project,
    audit: { action: 'INSTALLATION_CONFIRMED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { deemed: false } },
    events: [],
  });
  return moved.project;
}

/**
 * The customer disputes M2 with a reason: its payout waits until staff decide, with four eyes, through the milestone
 * decision routes (approve as submitted, or reject back to the contractor). Disputing again answers as the first time.
 */
export async function disputeProjectInstallation(command: { readonly principal: Principal; readonly projectId: string; readonly reason: string }, deps: Pick<ProjectDeps, 'projectStore' | 'clock'>): Promise<Project> {
  const { project, viewer } = await readProject(command, deps);
  if (viewer !== 'customer') throw projectsError('PROJECT_NOT_FOUND');
  if (project.installationDispute !== undefined) return project;
  const now = deps.clock.now();
  const moved = disputeInstallation(project, { reason: command.reason, disputedAt: now, disputedBy: command.principal.principalId });
  if (moved.kind === 'refused') throw refusalError(moved.refusal);
  await deps.projectStore.commitProjectChange({
    before: project,
    after: moved.project,
    audit: { action: 'INSTALLATION_DISPUTED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { reason: command.reason } },
    events: [],
  });
  return moved.project;
}

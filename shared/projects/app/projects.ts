/**
 * Reading projects, the installation address and the agreement. Who may see a project: its customer, a member of its
 * contractor, and staff. Anyone else gets PROJECT_NOT_FOUND, as if it did not exist.
 */
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { replayOrReject, type IdempotentOutcome, type IdempotentRequest, type StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import { projectsError } from '../api/error-codes.ts';
import { agreementTerms, termsSha256, type AgreementTerms } from '../domain/agreement.ts';
import type { InstallationAddress } from '../domain/installation-address.ts';
import { acceptAgreement, type Project, type TransitionRefusal } from '../domain/project.ts';
import type { PersonalDataDeps, ProjectDeps } from './project-deps.ts';
import type { ContractorMembership, ProjectPage } from './ports.ts';

export type Viewer = 'customer' | 'contractor' | 'staff';

const STAFF_ROLES = ['ops', 'compliance'] as const;

export function viewerOf(principal: Principal, project: Project, membership: ContractorMembership | undefined): Viewer | undefined {
  if (project.customerId === principal.principalId) return 'customer';
  // Acting for a contractor is a membership, not a token role (docs/decisions/0018-acting-for-a-contractor-is-a-membership.md).
  if (membership !== undefined && membership.contractorId === project.contractorId) return 'contractor';
  if (principal.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role))) return 'staff';
  return undefined;
}

export function refusalError(refusal: TransitionRefusal): Error {
  return projectsError(refusal);
}

/** The project and who is looking at it; PROJECT_NOT_FOUND when the caller may not see it. */
export async function readProject(query: { readonly principal: Principal; readonly projectId: string }, deps: Pick<ProjectDeps, 'projectStore'>): Promise<{ project: Project; viewer: Viewer }> {
  const { project, membership } = await deps.projectStore.loadForAccess(query.projectId, query.principal.principalId);
  const viewer = project === undefined ? undefined : viewerOf(query.principal, project, membership);
  if (project === undefined || viewer === undefined) throw projectsError('PROJECT_NOT_FOUND');
  return { project, viewer };
}

export function listCustomerProjects(query: { readonly principal: Principal; readonly limit: number; readonly cursor: string | undefined }, deps: Pick<ProjectDeps, 'projectStore'>): Promise<ProjectPage> {
  return deps.projectStore.listCustomerProjects(query.principal.principalId, query.limit, query.cursor);
}

/** A contractor member's projects; someone acting for no contractor has none to list. */
export async function listContractorProjects(query: { readonly principal: Principal; readonly limit: number; readonly cursor: string | undefined }, deps: Pick<ProjectDeps, 'projectStore'>): Promise<ProjectPage> {
  const membership = await deps.projectStore.findMembership(query.principal.principalId);
  if (membership === undefined) return { projects: [], nextCursor: undefined };
  return deps.projectStore.listContractorProjects(membership.contractorId, query.limit, query.cursor);
}

/** Statuses in which the customer may still give or change the installation address: before accepting the agreement. */
const ADDRESS_STATUSES: readonly Project['status'][] = ['AWAITING_DOWN_PAYMENT', 'AWAITING_AGREEMENT'];

/**
 * The customer gives the installation address with consent to disclose it (and their name and phone) to the chosen
 * contractor. Stored encrypted; replacing it is allowed until the agreement is accepted.
 */
export async function provideInstallationAddress(
  command: { readonly principal: Principal; readonly projectId: string; readonly address: InstallationAddress; readonly consentToShareWithContractor: boolean },
  deps: Pick<PersonalDataDeps, 'projectStore' | 'clock' | 'cipher'>,
): Promise<Project> {
  if (!command.consentToShareWithContractor) throw kernelError('CONSENT_REQUIRED');
  const { project } = await deps.projectStore.loadForAccess(command.projectId, command.principal.principalId);
  if (project === undefined || project.customerId !== command.principal.principalId) throw projectsError('PROJECT_NOT_FOUND');
  if (!ADDRESS_STATUSES.includes(project.status)) throw projectsError('PROJECT_STATUS_CONFLICT');
  const now = deps.clock.now();
  const after: Project = { ...project, installationAddressProvided: true, addressDisclosureConsentedAt: now };
  const { buildingNumber, street, district, city, postalCode, additionalNumber } = command.address;
  const addressCiphertext = await deps.cipher.encrypt(project.projectId, 'installationAddress', JSON.stringify({ buildingNumber, street, district, city, postalCode, additionalNumber }));
  await deps.projectStore.commitInstallationAddress({
    before: project,
    after,
    // The audit records that an address was given and consent with it, never the address itself.
    audit: { action: 'INSTALLATION_ADDRESS_PROVIDED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { consentToShareWithContractor: true, replaced: project.installationAddressProvided } },
    events: [],
    addressCiphertext,
  });
  return after;
}

export interface InstallationSite {
  readonly address: InstallationAddress;
  /** Present for the contractor: who to meet at the address. */
  readonly customer?: { readonly fullNameAr: string; readonly fullNameEn: string; readonly phone: string };
}

/**
 * The address, for the customer; for the chosen contractor, with the customer's name and phone, once the customer has
 * consented. Every disclosure to the contractor is audited in the project's chain before anything is returned.
 */
export async function readInstallationSite(query: { readonly principal: Principal; readonly projectId: string }, deps: Pick<PersonalDataDeps, 'projectStore' | 'clock' | 'cipher' | 'customerContact'>): Promise<InstallationSite> {
  const { project, viewer } = await readProject(query, deps);
  if (viewer === 'staff' || (viewer === 'contractor' && project.addressDisclosureConsentedAt === undefined)) throw projectsError('PROJECT_NOT_FOUND');
  const addressCiphertext = await deps.projectStore.findInstallationAddressCiphertext(project.projectId);
  if (addressCiphertext === undefined) throw projectsError('INSTALLATION_ADDRESS_REQUIRED');
  const address = JSON.parse(await deps.cipher.decrypt(project.projectId, 'installationAddress', addressCiphertext)) as InstallationAddress;
  if (viewer === 'customer') return { address };
  const contact = await deps.customerContact.findContact(project.customerId);
  if (contact === undefined) throw projectsError('PROJECT_NOT_FOUND');
  const now = deps.clock.now();
  await deps.projectStore.commitProjectChange({
    before: project,
    after: project,
    audit: {
      action: 'INSTALLATION_SITE_DISCLOSED',
      actor: query.principal.principalId,
      occurredAt: now.toISOString(),
      facts: { contractorId: project.contractorId, fields: ['installationAddress', 'fullNameAr', 'fullNameEn', 'phone'], consentedAt: project.addressDisclosureConsentedAt!.toISOString() },
    },
    events: [],
  });
  const [fullNameAr, fullNameEn, phone] = await Promise.all([
    deps.cipher.decrypt(project.customerId, 'fullNameAr', contact.fullNameArCiphertext),
    deps.cipher.decrypt(project.customerId, 'fullNameEn', contact.fullNameEnCiphertext),
    deps.cipher.decrypt(project.customerId, 'phone', contact.phoneCiphertext),
  ]);
  return { address, customer: { fullNameAr, fullNameEn, phone } };
}

export interface Agreement {
  readonly terms: AgreementTerms;
  readonly termsSha256: string;
  readonly acceptance: Project['agreement'];
}

/** The agreement as the customer must be shown it, with the digest their acceptance must quote. */
export async function readAgreement(query: { readonly principal: Principal; readonly projectId: string }, deps: Pick<ProjectDeps, 'projectStore' | 'policy'>): Promise<Agreement> {
  const { project, viewer } = await readProject(query, deps);
  if (viewer === 'contractor') throw projectsError('PROJECT_NOT_FOUND');
  const plan = await deps.projectStore.findPlan(project.planId);
  if (plan === undefined) throw new Error(`Project ${project.projectId} has no plan`);
  const terms = agreementTerms(project, plan.installments, deps.policy.firstInstallmentMonthsAfterNoticeToProceed);
  return { terms, termsSha256: termsSha256(terms), acceptance: project.agreement };
}

/**
 * The customer accepts the agreement they were shown, quoting its version and digest: a digest that no longer matches
 * (the schedule or terms changed since) is refused, so an acceptance always names exactly what was agreed.
 */
/**
 * The caller's own project for an idempotent change: the recorded answer when the key was used before, else the
 * project, which only its customer may change (anyone else gets PROJECT_NOT_FOUND).
 */
export async function ownProjectForUpdate(
  command: { readonly principal: Principal; readonly projectId: string; readonly idempotency: IdempotentRequest<Project> },
  now: Date,
  deps: Pick<ProjectDeps, 'projectStore'>,
): Promise<{ readonly kind: 'replayed'; readonly response: StoredResponse } | { readonly kind: 'loaded'; readonly project: Project }> {
  const { project, idempotency } = await deps.projectStore.loadForUpdate(command.projectId, command.principal.principalId, command.idempotency);
  const replay = replayOrReject(idempotency, command.idempotency, now);
  if (replay !== undefined) return { kind: 'replayed', response: replay };
  if (project === undefined || project.customerId !== command.principal.principalId) throw projectsError('PROJECT_NOT_FOUND');
  return { kind: 'loaded', project };
}

export async function acceptProjectAgreement(
  command: { readonly principal: Principal; readonly projectId: string; readonly termsVersion: string; readonly termsSha256: string; readonly correlationId: string; readonly idempotency: IdempotentRequest<Project> },
  deps: Pick<ProjectDeps, 'projectStore' | 'clock' | 'policy'>,
): Promise<IdempotentOutcome<Project>> {
  const now = deps.clock.now();
  const loaded = await ownProjectForUpdate(command, now, deps);
  if (loaded.kind === 'replayed') return loaded;
  const { project } = loaded;
  const plan = await deps.projectStore.findPlan(project.planId);
  if (plan === undefined) throw new Error(`Project ${project.projectId} has no plan`);
  const current = agreementTerms(project, plan.installments, deps.policy.firstInstallmentMonthsAfterNoticeToProceed);
  const digest = termsSha256(current);
  if (project.status === 'AWAITING_AGREEMENT' && (command.termsVersion !== current.termsVersion || command.termsSha256 !== digest)) throw projectsError('AGREEMENT_TERMS_CHANGED');
  const moved = acceptAgreement(project, { termsVersion: current.termsVersion, termsSha256: digest, acceptedAt: now, acceptedBy: command.principal.principalId });
  if (moved.kind === 'refused') throw refusalError(moved.refusal);
  await deps.projectStore.commitProjectChange({
    before: project,
    after: moved.project,
    audit: { action: 'AGREEMENT_ACCEPTED', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { termsVersion: current.termsVersion, termsSha256: digest } },
    events: [],
    idempotency: { scope: command.idempotency, response: command.idempotency.replyTo(moved.project) },
  });
  return { kind: 'performed', value: moved.project };
}

/** The project's disbursements, for anyone who may see the project. */
export async function listProjectDisbursements(query: { readonly principal: Principal; readonly projectId: string }, deps: Pick<ProjectDeps, 'projectStore'>) {
  const { project } = await readProject(query, deps);
  return { projectId: project.projectId, disbursements: await deps.projectStore.listDisbursements(project.projectId) };
}

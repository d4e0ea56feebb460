/**
 * Customer registration and profile use-cases. The national ID always comes from the NAFATH-verified principal,
 * never from the request; personal fields are encrypted before they reach the store; every change is audited.
 */
import { eligibilityViolations } from '../domain/eligibility.ts';
import { maskDateOfBirth, maskEmail, maskName, maskNationalId, maskPhone } from '../domain/masking.ts';
import { normaliseSaudiMobile } from '../domain/phone.ts';
import type { LendingPolicy } from '../../kernel/policy.ts';
import type { Principal as RequestPrincipal } from '../../kernel/http/request-context.ts';
import { buildEventEnvelope } from '../../kernel/messaging/event-envelope.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { IdentityStore } from '../../identity/index.ts';
import type { PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { CustomerRecord, CustomerStore, PreferredLanguage } from './customer-store.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { customersError } from '../api/error-codes.ts';
import { CUSTOMERS_EVENTS } from '../api/events.ts';

/** Phones are stored in E.164; the contract accepts the local forms people type, so they are normalised first. */
function saudiMobileOrRefuse(phone: string): string {
  const normalised = normaliseSaudiMobile(phone);
  if (normalised === undefined) throw kernelError('VALIDATION_FAILED', { details: [{ field: 'body.phone', issue: 'must be a Saudi mobile number' }] });
  return normalised;
}

export interface CustomerDeps {
  readonly customerStore: CustomerStore;
  readonly identityStore: IdentityStore;
  readonly cipher: PersonalDataCipher;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy: LendingPolicy;
}

export interface RegistrationDetails {
  readonly fullName: { readonly ar: string; readonly en: string };
  /** Already normalised to E.164. */
  readonly phone: string;
  readonly email: string;
  readonly dateOfBirth: string;
  readonly city: string;
  readonly preferredLanguage: PreferredLanguage;
}

export interface CustomerProfile extends RegistrationDetails {
  readonly customerId: string;
  readonly nationalId: string;
  readonly registeredAt: string;
}

export async function registerCustomer(
  command: { readonly principal: RequestPrincipal; readonly details: RegistrationDetails; readonly correlationId: string },
  deps: CustomerDeps,
): Promise<CustomerProfile> {
  const phone = saudiMobileOrRefuse(command.details.phone);
  const principal = await deps.identityStore.findPrincipal(command.principal.principalId);
  if (principal?.identityVerifiedAt === undefined) throw kernelError('AUTHENTICATION_REQUIRED');
  const now = deps.clock.now();
  const violations = eligibilityViolations({ nationalIdKind: principal.nationalIdKind, dateOfBirth: command.details.dateOfBirth }, deps.policy, now);
  if (violations.length > 0) {
    throw customersError(violations[0]!, { details: violations.map((rule) => ({ field: rule, issue: 'rule violated' })) });
  }
  // A customer is the principal who registered: one id for both keeps ownership checks a plain comparison.
  const customerId = principal.principalId;
  const details = { ...command.details, phone };
  const [fullNameArCiphertext, fullNameEnCiphertext, phoneCiphertext, emailCiphertext, dateOfBirthCiphertext] = await Promise.all([
    deps.cipher.encrypt(customerId, 'fullNameAr', details.fullName.ar),
    deps.cipher.encrypt(customerId, 'fullNameEn', details.fullName.en),
    deps.cipher.encrypt(customerId, 'phone', details.phone),
    deps.cipher.encrypt(customerId, 'email', details.email),
    deps.cipher.encrypt(customerId, 'dateOfBirth', details.dateOfBirth),
  ]);
  const record: CustomerRecord = {
    customerId,
    nationalIdCiphertext: principal.nationalIdCiphertext,
    nationalIdKind: principal.nationalIdKind,
    fullNameArCiphertext,
    fullNameEnCiphertext,
    phoneCiphertext,
    emailCiphertext,
    dateOfBirthCiphertext,
    city: details.city,
    preferredLanguage: details.preferredLanguage,
    registeredAt: now,
    ageVerifiedForMinimumHijriYears: deps.policy.minimumAgeHijriYears,
    auditHead: { sequence: 0, hash: '' },
  };
  const registered = await deps.customerStore.register(
    record,
    principal.nationalIdBlindIndex,
    { action: 'CUSTOMER_REGISTERED', actor: principal.principalId, occurredAt: now.toISOString(), facts: { customerId } },
    buildEventEnvelope(CUSTOMERS_EVENTS.customerRegistered, { customerId, city: details.city, preferredLanguage: details.preferredLanguage, registeredAt: now.toISOString() }, {
      eventId: deps.ids.newId(),
      occurredAt: now,
      correlationId: command.correlationId,
    }),
  );
  if (!registered) throw customersError('CUSTOMER_ALREADY_REGISTERED');
  const nationalId = await deps.cipher.decrypt(customerId, 'nationalId', principal.nationalIdCiphertext);
  return { customerId, nationalId, ...details, registeredAt: now.toISOString() };
}

async function decryptProfile(customer: CustomerRecord, cipher: PersonalDataCipher): Promise<CustomerProfile> {
  const id = customer.customerId;
  const [nationalId, fullNameAr, fullNameEn, phone, email, dateOfBirth] = await Promise.all([
    cipher.decrypt(id, 'nationalId', customer.nationalIdCiphertext),
    cipher.decrypt(id, 'fullNameAr', customer.fullNameArCiphertext),
    cipher.decrypt(id, 'fullNameEn', customer.fullNameEnCiphertext),
    cipher.decrypt(id, 'phone', customer.phoneCiphertext),
    cipher.decrypt(id, 'email', customer.emailCiphertext),
    cipher.decrypt(id, 'dateOfBirth', customer.dateOfBirthCiphertext),
  ]);
  return {
    customerId: id,
    nationalId,
    fullName: { ar: fullNameAr, en: fullNameEn },
    phone,
    email,
    dateOfBirth,
    city: customer.city,
    preferredLanguage: customer.preferredLanguage,
    registeredAt: customer.registeredAt.toISOString(),
  };
}

export async function getOwnProfile(command: { readonly principal: RequestPrincipal }, deps: Pick<CustomerDeps, 'customerStore' | 'cipher'>): Promise<CustomerProfile> {
  const customer = await deps.customerStore.find(command.principal.principalId);
  if (customer === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  return decryptProfile(customer, deps.cipher);
}

const STAFF_ROLES = ['ops', 'compliance'] as const;

/** Staff see masked data and every view is audited; anyone else gets the same 404 as for a missing customer. */
export async function getCustomerForStaff(
  command: { readonly principal: RequestPrincipal; readonly customerId: string; readonly reason: string | undefined },
  deps: Pick<CustomerDeps, 'customerStore' | 'cipher' | 'clock'>,
): Promise<CustomerProfile> {
  const isStaff = command.principal.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
  if (!isStaff) throw customersError('CUSTOMER_NOT_FOUND');
  const customer = await deps.customerStore.find(command.customerId);
  if (customer === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const profile = await decryptProfile(customer, deps.cipher);
  const audited = await deps.customerStore.appendAudit(customer, {
    action: 'CUSTOMER_VIEWED_BY_STAFF',
    actor: command.principal.principalId,
    occurredAt: deps.clock.now().toISOString(),
    facts: { roles: [...command.principal.roles], ...(command.reason === undefined ? {} : { reason: command.reason }) },
  });
  // Without an audit record the view must not happen; a concurrent change is rare and the client may retry.
  if (!audited) throw kernelError('CONCURRENT_UPDATE');
  return {
    ...profile,
    nationalId: maskNationalId(profile.nationalId),
    fullName: { ar: maskName(profile.fullName.ar), en: maskName(profile.fullName.en) },
    phone: maskPhone(profile.phone),
    email: maskEmail(profile.email),
    dateOfBirth: maskDateOfBirth(profile.dateOfBirth),
  };
}

export interface ContactChanges {
  readonly phone?: string;
  readonly email?: string;
  readonly city?: string;
  readonly preferredLanguage?: PreferredLanguage;
}

export async function updateContact(
  command: { readonly principal: RequestPrincipal; readonly changes: ContactChanges },
  deps: Pick<CustomerDeps, 'customerStore' | 'cipher' | 'clock'>,
): Promise<CustomerProfile> {
  const phone = command.changes.phone === undefined ? undefined : saudiMobileOrRefuse(command.changes.phone);
  const customer = await deps.customerStore.find(command.principal.principalId);
  if (customer === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const { email, city, preferredLanguage } = command.changes;
  const id = customer.customerId;
  const changed = {
    ...(phone === undefined ? {} : { phoneCiphertext: await deps.cipher.encrypt(id, 'phone', phone) }),
    ...(email === undefined ? {} : { emailCiphertext: await deps.cipher.encrypt(id, 'email', email) }),
    ...(city === undefined ? {} : { city }),
    ...(preferredLanguage === undefined ? {} : { preferredLanguage }),
  };
  const changedFields = Object.keys(command.changes).filter((field) => command.changes[field as keyof ContactChanges] !== undefined);
  const updated = await deps.customerStore.updateContact(customer, changed, {
    action: 'CONTACT_UPDATED',
    actor: command.principal.principalId,
    occurredAt: deps.clock.now().toISOString(),
    facts: { changedFields },
  });
  if (!updated) throw kernelError('CONCURRENT_UPDATE');
  const refreshed = await deps.customerStore.find(id);
  if (refreshed === undefined) throw new Error('Customer vanished after update');
  return decryptProfile(refreshed, deps.cipher);
}

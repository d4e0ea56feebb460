/** The persistence port for customers. Personal fields arrive already encrypted. */
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { AuditEntryContent } from '../../audit/index.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';

export type PreferredLanguage = 'ar' | 'en';

export interface EncryptedContact {
  readonly phoneCiphertext: string;
  readonly emailCiphertext: string;
}

export interface CustomerRecord extends EncryptedContact {
  readonly customerId: string;
  readonly nationalIdCiphertext: string;
  readonly nationalIdKind: NationalIdKind;
  readonly fullNameArCiphertext: string;
  readonly fullNameEnCiphertext: string;
  readonly dateOfBirthCiphertext: string;
  readonly city: string;
  readonly preferredLanguage: PreferredLanguage;
  readonly registeredAt: Date;
  /**
   * The minimum age (Hijri years) this customer was verified against at registration. Age only grows, so later
   * checks against the same or a lower minimum need not decrypt the date of birth again.
   */
  readonly ageVerifiedForMinimumHijriYears: number;
  readonly auditHead: { readonly sequence: number; readonly hash: string };
}

export interface CustomerStore {
  /** Creates the customer and claims the national ID for it; false when that person is already a customer. */
  register(customer: CustomerRecord, nationalIdBlindIndex: string, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<boolean>;
  find(customerId: string): Promise<CustomerRecord | undefined>;
  /** Applies contact changes only if nobody changed the customer since it was read (audit head unchanged). */
  updateContact(
    customer: CustomerRecord,
    changes: Partial<EncryptedContact & { city: string; preferredLanguage: PreferredLanguage }>,
    audit: AuditEntryContent,
  ): Promise<boolean>;
  /** Appends an audit entry (for example a staff member viewing the record); false on a concurrent change. */
  appendAudit(customer: CustomerRecord, audit: AuditEntryContent): Promise<boolean>;
}

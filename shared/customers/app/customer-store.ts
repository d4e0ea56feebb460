/** The persistence port for customers and their credit assessments. Personal fields arrive already encrypted. */
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { AuditEntryContent } from '../../audit/domain/audit-chain.ts';
import type { RiskCategory } from '../../credit/domain/risk-assessment.ts';
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

export type AssessmentStatus = 'PENDING' | 'COMPLETED' | 'FAILED';
export type AssessmentFailureReason = 'SIMAH_UNAVAILABLE' | 'SIMAH_TIMEOUT' | 'SIMAH_MALFORMED_RESPONSE' | 'SIMAH_REJECTED_REQUEST';

export interface CreditAssessment {
  readonly assessmentId: string;
  readonly customerId: string;
  readonly status: AssessmentStatus;
  readonly consentGivenAt: Date;
  readonly requestedAt: Date;
  readonly completedAt?: Date;
  readonly score?: number;
  readonly grade?: string;
  readonly riskCategory?: RiskCategory;
  readonly maximumFinancingHalalas?: number;
  readonly failureReason?: AssessmentFailureReason;
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
  createAssessment(assessment: CreditAssessment, customer: CustomerRecord, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<boolean>;
  findAssessment(customerId: string, assessmentId: string): Promise<CreditAssessment | undefined>;
  /** Moves a PENDING or FAILED assessment to its outcome with the outbox event; false if already COMPLETED. */
  settleAssessment(assessment: CreditAssessment, event: EventDetailEnvelope): Promise<boolean>;
}

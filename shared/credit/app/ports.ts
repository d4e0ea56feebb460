/** The persistence port of credit assessments. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { CustomerRecord } from '../../customers/index.ts';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { CreditAssessment } from '../domain/assessment.ts';

export interface AssessmentStore {
  /** Creates a PENDING assessment, recorded in the customer's audit chain; false on a concurrent change to the customer. */
  createAssessment(assessment: CreditAssessment, customer: CustomerRecord, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<boolean>;
  findAssessment(customerId: string, assessmentId: string): Promise<CreditAssessment | undefined>;
  /** Moves a PENDING or FAILED assessment to its outcome with the outbox event; false if already COMPLETED. */
  settleAssessment(assessment: CreditAssessment, event: EventDetailEnvelope): Promise<boolean>;
}

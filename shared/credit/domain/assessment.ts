/** A credit assessment: a customer's consent to a SIMAH check, and its outcome once SIMAH answers. */
import type { RiskCategory } from './risk-assessment.ts';

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

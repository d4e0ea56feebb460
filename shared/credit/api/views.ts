import type { CreditAssessment } from '../domain/assessment.ts';

/** What a customer sees of an assessment: its state and outcome, without internal ids of the bureau. */
export function toAssessmentView(assessment: CreditAssessment): Record<string, unknown> {
  return {
    assessmentId: assessment.assessmentId,
    status: assessment.status,
    requestedAt: assessment.requestedAt.toISOString(),
    completedAt: assessment.completedAt?.toISOString(),
    score: assessment.score,
    grade: assessment.grade,
    riskCategory: assessment.riskCategory,
    maximumFinancingHalalas: assessment.maximumFinancingHalalas,
    failureReason: assessment.failureReason,
  };
}

/** What callers see of a contractor and of a decision: never the IBAN, only its mask. */
import type { DecisionReading } from '../app/decisions.ts';
import type { Contractor, MemberRole } from '../domain/contractor.ts';

export function toContractorView(contractor: Contractor, memberRole?: MemberRole): Record<string, unknown> {
  return {
    contractorId: contractor.contractorId,
    status: contractor.status,
    legalName: contractor.legalName,
    unifiedNumber: contractor.unifiedNumber,
    vatNumber: contractor.vatNumber,
    maskedIban: contractor.maskedIban,
    certificateNumber: contractor.certificateNumber,
    cityIds: contractor.cityIds,
    businessPhone: contractor.businessPhone,
    businessEmail: contractor.businessEmail,
    memberRole,
    appliedAt: contractor.appliedAt.toISOString(),
    verifiedAt: contractor.verifiedAt?.toISOString(),
    statusReason: contractor.statusReason,
  };
}

export function toDecisionView({ decision, contractorStatus }: DecisionReading): Record<string, unknown> {
  return {
    decisionId: decision.decisionId,
    contractorId: decision.contractorId,
    decision: decision.decision,
    reason: decision.reason,
    status: decision.status,
    proposedBy: decision.proposedBy,
    proposedAt: decision.proposedAt.toISOString(),
    confirmedBy: decision.confirmedBy,
    confirmedAt: decision.confirmedAt?.toISOString(),
    contractorStatus,
  };
}

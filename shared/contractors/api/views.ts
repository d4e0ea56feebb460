/** What callers see of a contractor and of a decision: never the IBAN, only its mask. */
import type { IbanChange } from '../domain/iban-change.ts';
import type { DecisionReading } from '../app/decisions.ts';
import type { Contractor, MemberRole } from '../domain/contractor.ts';

export const toIbanChangeView = (change: IbanChange) => ({
  changeId: change.changeId,
  contractorId: change.contractorId,
  maskedIban: change.maskedIban,
  status: change.status,
  requestedAt: change.requestedAt.toISOString(),
  ...(change.proposal === undefined ? {} : { decision: change.proposal.decision, reason: change.proposal.reason, proposedBy: change.proposal.proposedBy }),
  ...(change.confirmedBy === undefined ? {} : { confirmedBy: change.confirmedBy, confirmedAt: change.confirmedAt?.toISOString() }),
});

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

/**
 * Staff decisions on a milestone, with four eyes: an ops user proposes APPROVE or REJECT of a submitted milestone, or
 * END_EARLY of a project stalled waiting for M2, with a reason, and it takes effect only when a different staff user
 * confirms it. One decision may wait per project at a time.
 */
import type { Milestone } from './project.ts';

export const MILESTONE_DECISIONS = ['APPROVE', 'REJECT', 'END_EARLY'] as const;
export type MilestoneDecisionKind = (typeof MILESTONE_DECISIONS)[number];

export interface MilestoneDecision {
  readonly decisionId: string;
  readonly projectId: string;
  readonly milestone: Milestone;
  readonly decision: MilestoneDecisionKind;
  readonly reason: string;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly status: 'PENDING_CONFIRMATION' | 'CONFIRMED';
  readonly confirmedBy?: string;
  readonly confirmedAt?: Date;
}

export type DecisionConfirmation =
  | { readonly kind: 'confirmed'; readonly decision: MilestoneDecision }
  | { readonly kind: 'refused'; readonly code: 'MILESTONE_DECISION_NOT_PENDING' | 'FOUR_EYES_REQUIRED' };

export function confirmMilestoneDecision(decision: MilestoneDecision, confirmation: { readonly confirmedBy: string; readonly confirmedAt: Date }): DecisionConfirmation {
  if (decision.status !== 'PENDING_CONFIRMATION') return { kind: 'refused', code: 'MILESTONE_DECISION_NOT_PENDING' };
  if (decision.proposedBy === confirmation.confirmedBy) return { kind: 'refused', code: 'FOUR_EYES_REQUIRED' };
  return { kind: 'confirmed', decision: { ...decision, status: 'CONFIRMED', confirmedBy: confirmation.confirmedBy, confirmedAt: confirmation.confirmedAt } };
}

/** How a reconciliation item looks to staff. It holds ids and amounts only, never personal data. */
import type { ReconciliationItem } from '../domain/reconciliation.ts';

export function toReconciliationItemView(item: ReconciliationItem) {
  return {
    itemId: item.itemId,
    status: item.status,
    reason: item.reason,
    amountHalalas: item.amountHalalas,
    gatewayEventId: item.gatewayEventId,
    checkoutReference: item.checkoutReference,
    reportedPlanId: item.reportedPlanId,
    receivedAt: item.receivedAt.toISOString(),
    ...(item.proposal === undefined ? {} : { proposal: { ...item.proposal, proposedAt: item.proposal.proposedAt.toISOString() } }),
    ...(item.resolution === undefined ? {} : { resolution: { ...item.resolution, resolvedAt: item.resolution.resolvedAt.toISOString() } }),
    refundAttemptCount: item.refundAttemptCount,
  };
}

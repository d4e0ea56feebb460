/**
 * Refunds through the gateway: a cancelled or ended project's money owed back to its customer, and money held in
 * suspense that staff decided (four eyes) to refund. The refunds workers ask the gateway from the events that request
 * them (keyed by refund id there, so a redelivery refunds nothing more); the gateway's signed refund webhook then
 * reports the outcome, applied once. A project's refund journals the money out of DOWN_PAYMENT_HELD (and
 * CUSTOMER_REFUNDS_DUE) back through gateway clearing, and a failure keeps it held and pages ops; a suspense refund
 * journals it out of UNAPPLIED_CASH, and a failure opens the reconciliation item again and pages ops.
 */
import type { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { DeadLetterNow } from '../../kernel/messaging/dead-letter-now.ts';
import { callGovernmentService, type GovernmentRetryPolicy } from '../../kernel/messaging/government-call.ts';
import { customerRefundedJournal, unappliedCashRefundedJournal } from '../../ledger/index.ts';
import { toJournalRecord } from '../../lending/index.ts';
import { projectOfRefundId, settleRefund } from '../../projects/index.ts';
import { checkoutReferenceOf } from '../api/checkout-reference.ts';
import { paymentsError } from '../api/error-codes.ts';
import { parseReconciliationRefundId, settleSuspenseRefund } from '../domain/reconciliation.ts';
import type { PaymentDeps } from './payment-deps.ts';

/** The payment gateway, as far as refunds go; asking twice for one refund id refunds once. */
export interface RefundGateway {
  requestRefund(request: { readonly refundId: string; readonly checkoutReference: string; readonly amountHalalas: number }): Promise<void>;
}

export type RefundRequestOutcome = 'requested' | 'already-settled';

interface RefundRequestDeps {
  readonly gateway: RefundGateway;
  readonly retry: GovernmentRetryPolicy;
  readonly sleep: (milliseconds: number) => Promise<void>;
}

/** Asks the gateway, retrying as for a government service. */
function askGatewayToRefund(request: Parameters<RefundGateway['requestRefund']>[0], isFinalDelivery: boolean, deps: RefundRequestDeps): Promise<RefundRequestOutcome> {
  return callGovernmentService(
    async () => {
      await deps.gateway.requestRefund(request);
      return 'requested' as const;
    },
    {
      retry: deps.retry,
      sleep: deps.sleep,
      isFinalDelivery,
      // Nothing to record: the refund stays requested, the dead-letter alarm pages ops, and a redrive asks again.
      settleFailed: async () => undefined,
      permanentFailure: (error: GovernmentServiceError) => new DeadLetterNow(`PAYMENT_GATEWAY_REFUND_${error.reason}`),
    },
  );
}

export async function requestDownPaymentRefund(
  command: { readonly refundId: string; readonly projectId: string; readonly paymentId: string; readonly amountHalalas: number; readonly isFinalDelivery: boolean },
  deps: Pick<PaymentDeps, 'paymentStore'> & RefundRequestDeps,
): Promise<RefundRequestOutcome> {
  const project = await deps.paymentStore.findProject(command.projectId);
  // A redelivered request for a refund the gateway already answered asks nothing more.
  if (project?.refund?.refundId !== command.refundId || project.refund.status !== 'REQUESTED') return 'already-settled';
  return askGatewayToRefund({ refundId: command.refundId, checkoutReference: checkoutReferenceOf(command.paymentId), amountHalalas: project.refund.amountHalalas }, command.isFinalDelivery, deps);
}

export interface RefundNotification {
  readonly gatewayEventId: string;
  readonly outcome: 'SUCCEEDED' | 'FAILED';
  readonly refundId: string;
  readonly amountHalalas: number;
  readonly reason: string | undefined;
  readonly correlationId: string;
}

/** The audit entry of the gateway's answer to a refund; the amount is the one checked against ours. */
const refundOutcomeAudit = (notification: RefundNotification, action: string, now: Date) => ({
  action,
  actor: 'payment-gateway',
  occurredAt: now.toISOString(),
  facts: { refundId: notification.refundId, amountHalalas: notification.amountHalalas, ...(notification.reason === undefined ? {} : { reason: notification.reason }) },
});

/** `failed` and `contradicts` page ops: the customer is still owed the money, or the gateway and the ledger disagree. */
export type RefundSettlementResult = 'settled' | 'failed' | 'duplicate' | 'already-settled' | 'contradicts';

export async function settleRefundOutcome(notification: RefundNotification, deps: Pick<PaymentDeps, 'paymentStore' | 'reconciliation' | 'clock' | 'ids'>): Promise<RefundSettlementResult> {
  const suspenseRefund = parseReconciliationRefundId(notification.refundId);
  if (suspenseRefund !== undefined) return settleSuspenseRefundOutcome(notification, suspenseRefund, deps);
  const projectId = projectOfRefundId(notification.refundId);
  if (projectId === undefined) throw paymentsError('REFUND_NOT_FOUND');
  const { project, gatewayEventSeen } = await deps.paymentStore.loadForRefund(projectId, notification.gatewayEventId);
  if (gatewayEventSeen) return 'duplicate';
  if (project?.refund === undefined || project.refund.refundId !== notification.refundId) throw paymentsError('REFUND_NOT_FOUND');
  if (project.refund.amountHalalas !== notification.amountHalalas) return 'contradicts';
  const now = deps.clock.now();
  const after = settleRefund(project, notification.outcome, now, notification.reason);
  if (after === undefined) return project.refund.status === notification.outcome ? 'already-settled' : 'contradicts';
  const succeeded = notification.outcome === 'SUCCEEDED';
  const committed = await deps.paymentStore.settleRefund({
    gatewayEventId: notification.gatewayEventId,
    projectBefore: project,
    projectAfter: after,
    audit: refundOutcomeAudit(notification, succeeded ? 'DOWN_PAYMENT_REFUNDED' : 'DOWN_PAYMENT_REFUND_FAILED', now),
    journal: succeeded
      ? toJournalRecord(
          project.planId,
          deps.ids.newId(),
          `Refunded to the customer (${notification.refundId})`,
          now,
          customerRefundedJournal(notification.amountHalalas - project.refund.fromRefundsDueHalalas, project.refund.fromRefundsDueHalalas),
        )
      : undefined,
  });
  if (committed === 'duplicate') return 'duplicate';
  return succeeded ? 'settled' : 'failed';
}

/** Asks the gateway to refund money held in suspense, against the capture it came with. */
export async function requestSuspenseRefund(
  command: { readonly refundId: string; readonly itemId: string; readonly isFinalDelivery: boolean },
  deps: Pick<PaymentDeps, 'reconciliation'> & RefundRequestDeps,
): Promise<RefundRequestOutcome> {
  const stored = await deps.reconciliation.findItem(command.itemId);
  // A redelivered request for a refund the gateway already answered asks nothing more.
  if (stored === undefined || stored.item.status !== 'REFUND_REQUESTED' || stored.item.resolution?.refundId !== command.refundId) return 'already-settled';
  const { item } = stored;
  return askGatewayToRefund({ refundId: command.refundId, checkoutReference: item.checkoutReference, amountHalalas: item.amountHalalas }, command.isFinalDelivery, deps);
}

async function settleSuspenseRefundOutcome(
  notification: RefundNotification,
  refund: { readonly itemId: string; readonly attempt: number },
  deps: Pick<PaymentDeps, 'reconciliation' | 'clock' | 'ids'>,
): Promise<RefundSettlementResult> {
  const { stored, gatewayEventSeen } = await deps.reconciliation.loadForRefundOutcome(refund.itemId, notification.gatewayEventId);
  if (gatewayEventSeen) return 'duplicate';
  if (stored === undefined || refund.attempt > stored.item.refundAttemptCount) throw paymentsError('REFUND_NOT_FOUND');
  const { item } = stored;
  if (item.amountHalalas !== notification.amountHalalas) return 'contradicts';
  const now = deps.clock.now();
  const after = settleSuspenseRefund(item, notification.refundId, notification.outcome, now);
  // An earlier attempt's late report, or a repeat under another event id: already applied.
  if (after === undefined) return 'already-settled';
  const succeeded = notification.outcome === 'SUCCEEDED';
  const committed = await deps.reconciliation.settleRefund({
    gatewayEventId: notification.gatewayEventId,
    itemBefore: stored,
    itemAfter: after,
    audit: refundOutcomeAudit(notification, succeeded ? 'UNAPPLIED_CASH_REFUNDED' : 'UNAPPLIED_CASH_REFUND_FAILED', now),
    journal: succeeded
      ? { journalId: deps.ids.newId(), description: `Unapplied cash ${item.itemId} refunded (${notification.refundId})`, postedAt: now, entries: unappliedCashRefundedJournal(item.amountHalalas).entries }
      : undefined,
  });
  if (committed === 'duplicate') return 'duplicate';
  return succeeded ? 'settled' : 'failed';
}

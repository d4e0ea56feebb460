/**
 * Refunds of a cancelled project's held down payment through the gateway. The refunds worker asks the gateway from
 * the cancellation's event (keyed by refund id there, so a redelivery refunds nothing more); the gateway's signed
 * refund webhook then reports the outcome, applied once: a success journals the money out of DOWN_PAYMENT_HELD back
 * through gateway clearing, a failure keeps it held and pages ops.
 */
import type { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { DeadLetterNow } from '../../kernel/messaging/dead-letter-now.ts';
import { callGovernmentService, type GovernmentRetryPolicy } from '../../kernel/messaging/government-call.ts';
import { customerRefundedJournal } from '../../ledger/index.ts';
import { toJournalRecord } from '../../lending/index.ts';
import { projectOfRefundId, settleRefund } from '../../projects/index.ts';
import { checkoutReferenceOf } from '../api/checkout-reference.ts';
import { paymentsError } from '../api/error-codes.ts';
import type { PaymentDeps } from './payment-deps.ts';

/** The payment gateway, as far as refunds go; asking twice for one refund id refunds once. */
export interface RefundGateway {
  requestRefund(request: { readonly refundId: string; readonly checkoutReference: string; readonly amountHalalas: number }): Promise<void>;
}

export type RefundRequestOutcome = 'requested' | 'already-settled';

export async function requestDownPaymentRefund(
  command: { readonly refundId: string; readonly projectId: string; readonly paymentId: string; readonly amountHalalas: number; readonly isFinalDelivery: boolean },
  deps: Pick<PaymentDeps, 'paymentStore'> & { readonly gateway: RefundGateway; readonly retry: GovernmentRetryPolicy; readonly sleep: (milliseconds: number) => Promise<void> },
): Promise<RefundRequestOutcome> {
  const project = await deps.paymentStore.findProject(command.projectId);
  // A redelivered request for a refund the gateway already answered asks nothing more.
  if (project?.refund?.refundId !== command.refundId || project.refund.status !== 'REQUESTED') return 'already-settled';
  return callGovernmentService(
    async () => {
      await deps.gateway.requestRefund({ refundId: command.refundId, checkoutReference: checkoutReferenceOf(command.paymentId), amountHalalas: project.refund!.amountHalalas });
      return 'requested' as const;
    },
    {
      retry: deps.retry,
      sleep: deps.sleep,
      isFinalDelivery: command.isFinalDelivery,
      // Nothing to record: the refund stays REQUESTED, the dead-letter alarm pages ops, and a redrive asks again.
      settleFailed: async () => undefined,
      permanentFailure: (error: GovernmentServiceError) => new DeadLetterNow(`PAYMENT_GATEWAY_REFUND_${error.reason}`),
    },
  );
}

export interface RefundNotification {
  readonly gatewayEventId: string;
  readonly outcome: 'SUCCEEDED' | 'FAILED';
  readonly refundId: string;
  readonly amountHalalas: number;
  readonly reason: string | undefined;
  readonly correlationId: string;
}

/** `failed` and `contradicts` page ops: the customer is still owed the money, or the gateway and the ledger disagree. */
export type RefundSettlementResult = 'settled' | 'failed' | 'duplicate' | 'already-settled' | 'contradicts';

export async function settleRefundOutcome(notification: RefundNotification, deps: Pick<PaymentDeps, 'paymentStore' | 'clock' | 'ids'>): Promise<RefundSettlementResult> {
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
    audit: {
      action: succeeded ? 'DOWN_PAYMENT_REFUNDED' : 'DOWN_PAYMENT_REFUND_FAILED',
      actor: 'payment-gateway',
      occurredAt: now.toISOString(),
      facts: { refundId: notification.refundId, amountHalalas: notification.amountHalalas, ...(notification.reason === undefined ? {} : { reason: notification.reason }) },
    },
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

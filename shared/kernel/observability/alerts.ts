/**
 * Log messages that page an operator. The handlers log them and the observability stack turns each into a metric
 * filter and an alarm, so the wording lives only here.
 */
export const ALERT_LOG_MESSAGES = {
  /**
   * The payment gateway and our ledger disagree about a payment: money taken that matches no payable intent (held in
   * suspense as a reconciliation item, GET /v1/ops/reconciliation/items), or a failure reported for a confirmed one.
   */
  paymentNeedsReconciliation: 'Payment needs reconciliation: the gateway reported money or an outcome that matches no payable intent',
  /**
   * A transfer to a contractor failed after it was sent or came back after it settled (the contractor is owed that
   * money again), or the payout provider reported an outcome contradicting our ledger.
   */
  /** The gateway could not refund a cancelled project's down payment: the money is still held and the customer is owed it. */
  refundFailed: 'Refund failed: a down payment could not be returned to the customer',
  /** A project overstayed a stage (notice to proceed → M1, or M1 → M2): staff decide whether to end it early. */
  projectStalled: 'Project stalled: an installation overstayed its stage',
  disbursementNeedsAttention: 'Disbursement needs attention: a transfer to a contractor failed, came back, or contradicts the ledger',
} as const;

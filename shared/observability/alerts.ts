/**
 * Log messages that page an operator. The handlers log them and the observability stack turns each into a metric
 * filter and an alarm, so the wording lives only here.
 */
export const ALERT_LOG_MESSAGES = {
  /** The payment gateway and our ledger disagree about a payment, say money taken for an intent we failed. */
  paymentNeedsReconciliation: 'Gateway outcome contradicts the recorded settlement: reconcile this payment',
} as const;

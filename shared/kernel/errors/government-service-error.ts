/** A government service did not answer usefully; `retryable` says whether trying again may help. */
export class GovernmentServiceError extends Error {
  constructor(
    readonly service: 'NAFATH' | 'SIMAH' | 'SEC' | 'ZATCA' | 'PAYMENT_GATEWAY' | 'PAYOUT_PROVIDER',
    /** NOT_FOUND: the service answered 404, a definite answer that the thing asked about does not exist there. */
    readonly reason: 'TIMEOUT' | 'UNAVAILABLE' | 'MALFORMED_RESPONSE' | 'REJECTED_REQUEST' | 'NOT_FOUND',
    readonly retryable: boolean,
  ) {
    super(`${service} ${reason}`);
    this.name = 'GovernmentServiceError';
  }
}

/** A government service did not answer usefully; `retryable` says whether trying again may help. */
export class GovernmentServiceError extends Error {
  constructor(
    readonly service: 'NAFATH' | 'SIMAH' | 'PAYMENT_GATEWAY',
    readonly reason: 'TIMEOUT' | 'UNAVAILABLE' | 'MALFORMED_RESPONSE' | 'REJECTED_REQUEST',
    readonly retryable: boolean,
  ) {
    super(`${service} ${reason}`);
    this.name = 'GovernmentServiceError';
  }
}

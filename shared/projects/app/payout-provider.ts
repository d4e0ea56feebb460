/** The port to the payout provider: the bank that transfers a disbursement to a contractor's IBAN. */

export interface TransferInstruction {
  /** Our disbursement id; the provider keys transfers by it, so a repeated instruction never pays twice. */
  readonly disbursementId: string;
  readonly amountHalalas: number;
  /** The contractor's IBAN in clear, decrypted just before the call and never logged. */
  readonly iban: string;
  /** Shown on the beneficiary's statement: no personal data. */
  readonly reference: string;
}

export interface TransferAcknowledgement {
  /** The provider's own id for the transfer. */
  readonly providerTransferId: string;
  /** True when the provider already held an instruction for this disbursement (a redelivery). */
  readonly alreadyInstructed: boolean;
}

export interface PayoutProvider {
  /** Throws GovernmentServiceError (kernel) on a failure, with a reason saying whether a retry can help. */
  instructTransfer(instruction: TransferInstruction): Promise<TransferAcknowledgement>;
}

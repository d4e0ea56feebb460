/**
 * Instructs the payout provider (the bank) to transfer a disbursement to a contractor's IBAN; the provider later
 * calls our signed webhook with the outcome. The interface is the one the payout simulator implements
 * (lib/local/simulators/payout-simulator.ts).
 */
import * as z from 'zod';
import { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { postJson } from '../../kernel/http-client/post-json.ts';
import type { PayoutProvider, TransferAcknowledgement, TransferInstruction } from '../app/payout-provider.ts';

/** Per attempt; the consumer retries within its own timeout and SQS redelivers after that. */
export const PAYOUT_PROVIDER_TIMEOUT_MILLISECONDS = 5_000;

/** The service the errors name in logs and alarms. */
export const PAYOUT_PROVIDER_SERVICE: GovernmentServiceError['service'] = 'PAYOUT_PROVIDER';

/**
 * 201 is a new transfer and 200 a repeated instruction (the provider keys transfers by our disbursement id).
 * postJson returns only the body, so the client reads the same fact from `duplicate`, which the provider sends
 * with either status.
 */
const acceptanceSchema = z.object({
  transferId: z.string(),
  providerTransferId: z.string().min(1).max(128),
  status: z.literal('ACCEPTED'),
  duplicate: z.boolean(),
});

/**
 * Failures, all from postJson, none carrying anything of the request (the IBAN is personal data):
 * - a timeout, a dropped connection, a 5xx or a 429: retryable (TIMEOUT or UNAVAILABLE), and safe to retry because
 *   the provider is idempotent by disbursement id;
 * - a 409 (the disbursement id already instructed with another amount or IBAN), a 422 (an amount above the
 *   provider's per-transfer limit) or a 400: REJECTED_REQUEST, not retryable. postJson gives every 4xx but 404 and
 *   429 that reason, which says exactly what these are: a definite refusal that the same request cannot overcome;
 * - a reply of the wrong shape, or one acknowledging another transfer: MALFORMED_RESPONSE, not retryable.
 */
export class HttpPayoutProviderClient implements PayoutProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMilliseconds: number = PAYOUT_PROVIDER_TIMEOUT_MILLISECONDS,
  ) {}

  async instructTransfer(instruction: TransferInstruction): Promise<TransferAcknowledgement> {
    const reply = await postJson(
      PAYOUT_PROVIDER_SERVICE,
      `${this.baseUrl}/v1/transfers`,
      { transferId: instruction.disbursementId, amountHalalas: instruction.amountHalalas, iban: instruction.iban, reference: instruction.reference },
      acceptanceSchema,
      this.timeoutMilliseconds,
    );
    // An acknowledgement of some other transfer says nothing about ours: never record it as instructed.
    if (reply.transferId !== instruction.disbursementId) throw new GovernmentServiceError(PAYOUT_PROVIDER_SERVICE, 'MALFORMED_RESPONSE', false);
    return { providerTransferId: reply.providerTransferId, alreadyInstructed: reply.duplicate };
  }
}

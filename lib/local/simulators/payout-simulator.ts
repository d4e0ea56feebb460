/**
 * Payout provider simulator: the bank that transfers a milestone disbursement to a contractor's IBAN
 * (shared/projects/adapters/payout-client.ts is its client). Its interface is ours, shaped like a bank's transfer
 * API: `POST /v1/transfers` with `{ transferId, amountHalalas, iban, reference }`, where transferId is our
 * disbursement id. Outcomes are POSTed to our webhook, signed like the payment gateway's (`x-payout-timestamp`,
 * `x-payout-signature`: signCallback over `<timestamp>.<raw body>`), with the body
 * `{ eventId, type, transferId, providerTransferId, amountHalalas, occurredAt, reason? }`; the IBAN never leaves
 * the simulator. An accepted instruction is answered `{ transferId, providerTransferId, status: 'ACCEPTED', duplicate }`,
 * `duplicate` repeating in the body what the status says (201 false, 200 true) for clients that see only the body.
 * Behaviour is deterministic by IBAN:
 *   - an ordinary transfer is answered 201 ACCEPTED, then `transfer.sent` ~300 ms later and `transfer.settled`
 *     ~800 ms after the instruction;
 *   - every settled outcome is delivered a second time (same eventId), 1.5 s late, to exercise replay handling; it
 *     arrives after events of transfers instructed later, so deliveries interleave out of order;
 *   - PAYOUT_TEST_IBANS.accountClosed: `transfer.sent`, then `transfer.failed` (BENEFICIARY_ACCOUNT_CLOSED);
 *   - PAYOUT_TEST_IBANS.returnedAfterSettlement: `transfer.sent`, `transfer.settled`, then ~2 s later `transfer.returned`
 *     (BENEFICIARY_BANK_RETURNED);
 *   - PAYOUT_TEST_IBANS.unavailableTwice: 503 to the first two instructions of each transferId, then accepted, to
 *     exercise retries;
 *   - an amount above PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS is refused 422 AMOUNT_ABOVE_TRANSFER_LIMIT.
 * Transfers are idempotent by transferId: the same instruction again is answered 200 with the same
 * providerTransferId and schedules nothing (the simulator never pays twice); the same transferId with another amount
 * or IBAN is refused 409. Requests are refused 400 unless transferId is a non-empty string of at most 64 characters,
 * amountHalalas a positive safe integer, iban `SA` + 22 digits with correct MOD-97 check digits, and reference a
 * string of at most 140 characters. The simulator remembers at most PAYOUT_SIMULATOR_TRANSFERS_MAX transfers and
 * answers 503 to new ones beyond that. Like a bank, it retries a delivery our webhook does not acknowledge
 * (webhook-delivery.ts). Nothing is logged; stopping clears every timer and aborts webhook deliveries.
 */
import { randomUUID } from 'node:crypto';
import { parseSaudiIban } from '../../../shared/kernel/iban.ts';
import { startHttpSimulator, type RunningSimulator, type SimulatorResponse } from './http-simulator.ts';
import { deliverSigned, scheduler, type WebhookSender } from './webhook-delivery.ts';

/**
 * The documented test IBANs: valid Saudi IBANs (MOD-97 check digits verified by shared/kernel/iban.ts) at Riyad Bank
 * (bank code 20), whose account numbers end in an HTTP-like code for the case. Any other valid IBAN is ordinary.
 */
export const PAYOUT_TEST_IBANS = {
  /** 410 (Gone): `transfer.sent`, then `transfer.failed` with reason BENEFICIARY_ACCOUNT_CLOSED. */
  accountClosed: 'SA5020000000000000000410',
  /** 307 (sent on and back): `transfer.sent`, `transfer.settled` (twice), then ~2 s after settling `transfer.returned` with reason BENEFICIARY_BANK_RETURNED. */
  returnedAfterSettlement: 'SA1820000000000000000307',
  /** 503: the first two instructions of each transferId are answered 503; the third is accepted and settles normally. */
  unavailableTwice: 'SA6120000000000000000503',
} as const;

/** SAR 20,000: SARIE's per-transfer limit to a saved beneficiary at Riyad Bank. Larger amounts are refused 422. */
export const PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS = 2_000_000;
/** Transfers remembered (for idempotency) per simulator instance; new ones beyond this are answered 503. */
export const PAYOUT_SIMULATOR_TRANSFERS_MAX = 10_000;
/** How many instructions of one transferId to PAYOUT_TEST_IBANS.unavailableTwice are answered 503. */
export const PAYOUT_SIMULATOR_UNAVAILABLE_ANSWERS = 2;
export const PAYOUT_TIMESTAMP_HEADER = 'x-payout-timestamp';
export const PAYOUT_SIGNATURE_HEADER = 'x-payout-signature';
/** When each outcome is delivered, counted from the instruction's acceptance (the return: from settlement). */
export const PAYOUT_SIMULATOR_DELAYS_MILLISECONDS = {
  sent: 300,
  settledOrFailed: 800,
  duplicateOfSettled: 1_500,
  returnedAfterSettled: 2_000,
} as const;
/** Attempts per outcome, the first included, retried after 0.5, 1, 2 and 4 s as webhook-delivery.ts says. */
export const PAYOUT_WEBHOOK_ATTEMPTS_MAX = 5;
const PAYOUT_WEBHOOK_RETRY_BASE_DELAY_MILLISECONDS = 500;
/** An attempt that takes longer is abandoned and retried. */
const WEBHOOK_ATTEMPT_TIMEOUT_MILLISECONDS = 5_000;
const TRANSFER_ID_LENGTH_MAX = 64;
/** An ISO 20022 unstructured remittance line. */
const REFERENCE_LENGTH_MAX = 140;
const SIMULATOR_IBAN_PATTERN = /^SA\d{22}$/;

export type PayoutEventType = 'transfer.sent' | 'transfer.settled' | 'transfer.failed' | 'transfer.returned';
export type PayoutFailureReason = 'BENEFICIARY_ACCOUNT_CLOSED' | 'BENEFICIARY_BANK_RETURNED';

/** The body of every webhook delivery. `reason` is present on `transfer.failed` and `transfer.returned` only. */
export interface PayoutWebhookEvent {
  readonly eventId: string;
  readonly type: PayoutEventType;
  readonly transferId: string;
  readonly providerTransferId: string;
  readonly amountHalalas: number;
  /** ISO 8601, when the outcome happened at the bank. */
  readonly occurredAt: string;
  readonly reason?: PayoutFailureReason;
}

export interface PayoutSimulatorOptions {
  readonly port: number;
  /** Read at each delivery; undefined drops the delivery (nothing listening yet). */
  readonly webhookUrl: () => string | undefined;
  readonly webhookSecret: string;
}

interface TransferRequest {
  readonly transferId: string;
  readonly amountHalalas: number;
  readonly iban: string;
}

interface AcceptedTransfer {
  readonly providerTransferId: string;
  readonly amountHalalas: number;
  readonly iban: string;
}

type Behaviour = 'ordinary' | 'account-closed' | 'returned-after-settlement' | 'unavailable-twice';

const BEHAVIOURS: Readonly<Record<string, Behaviour>> = {
  [PAYOUT_TEST_IBANS.accountClosed]: 'account-closed',
  [PAYOUT_TEST_IBANS.returnedAfterSettlement]: 'returned-after-settlement',
  [PAYOUT_TEST_IBANS.unavailableTwice]: 'unavailable-twice',
};

const behaviourFor = (iban: string): Behaviour => BEHAVIOURS[iban] ?? 'ordinary';

const UNAVAILABLE: SimulatorResponse = { status: 503, body: { error: 'service unavailable' } };

/**
 * A bank refuses a mistyped IBAN (wrong check digits) as surely as a malformed one. The bank code table is policy
 * (shared/kernel/iban.ts), so a code missing from it is not the simulator's business.
 */
function hasValidCheckDigits(iban: string): boolean {
  const parsed = parseSaudiIban(iban);
  return parsed.ok || parsed.reason === 'UNKNOWN_BANK';
}

/** The request's transfer, or the reason it is refused 400 (never echoing the IBAN). */
function parseTransferRequest(body: unknown): TransferRequest | { readonly error: string } {
  const { transferId, amountHalalas, iban, reference } = (body ?? {}) as Record<string, unknown>;
  if (typeof transferId !== 'string' || transferId === '' || transferId.length > TRANSFER_ID_LENGTH_MAX) return { error: 'invalid transferId' };
  if (typeof amountHalalas !== 'number' || !Number.isSafeInteger(amountHalalas) || amountHalalas <= 0) return { error: 'invalid amountHalalas' };
  if (typeof iban !== 'string' || !SIMULATOR_IBAN_PATTERN.test(iban) || !hasValidCheckDigits(iban)) return { error: 'invalid iban' };
  if (typeof reference !== 'string' || reference.length > REFERENCE_LENGTH_MAX) return { error: 'invalid reference' };
  return { transferId, amountHalalas, iban };
}

export async function startPayoutSimulator(options: PayoutSimulatorOptions): Promise<RunningSimulator> {
  const transfers = new Map<string, AcceptedTransfer>();
  /** Instructions answered 503 so far, per transferId to the unavailable-twice IBAN; forgotten once accepted. */
  const unavailableAnswers = new Map<string, number>();
  const timers = scheduler();
  const webhook: WebhookSender = {
    url: options.webhookUrl,
    secret: options.webhookSecret,
    timestampHeader: PAYOUT_TIMESTAMP_HEADER,
    signatureHeader: PAYOUT_SIGNATURE_HEADER,
    attemptsMax: PAYOUT_WEBHOOK_ATTEMPTS_MAX,
    retryBaseDelayMilliseconds: PAYOUT_WEBHOOK_RETRY_BASE_DELAY_MILLISECONDS,
    attemptTimeoutMilliseconds: WEBHOOK_ATTEMPT_TIMEOUT_MILLISECONDS,
  };

  const later = (milliseconds: number, action: () => Promise<void> | void): void => {
    void timers.later(milliseconds, action).catch(() => undefined);
  };

  const deliver = (body: string): Promise<void> => deliverSigned(webhook, timers, body);

  /** Builds the event when the outcome happens (so occurredAt is its time), delivers it, and returns its body. */
  function outcome(transferId: string, transfer: AcceptedTransfer, type: PayoutEventType, reason?: PayoutFailureReason): string {
    const event: PayoutWebhookEvent = {
      eventId: `evt_${randomUUID()}`,
      type,
      transferId,
      providerTransferId: transfer.providerTransferId,
      amountHalalas: transfer.amountHalalas,
      occurredAt: new Date().toISOString(),
      ...(reason === undefined ? {} : { reason }),
    };
    const body = JSON.stringify(event);
    void deliver(body).catch(() => undefined);
    return body;
  }

  function schedule(transferId: string, transfer: AcceptedTransfer): void {
    const behaviour = behaviourFor(transfer.iban);
    later(PAYOUT_SIMULATOR_DELAYS_MILLISECONDS.sent, () => void outcome(transferId, transfer, 'transfer.sent'));
    later(PAYOUT_SIMULATOR_DELAYS_MILLISECONDS.settledOrFailed, () => {
      if (behaviour === 'account-closed') {
        outcome(transferId, transfer, 'transfer.failed', 'BENEFICIARY_ACCOUNT_CLOSED');
        return;
      }
      const settled = outcome(transferId, transfer, 'transfer.settled');
      later(PAYOUT_SIMULATOR_DELAYS_MILLISECONDS.duplicateOfSettled, () => deliver(settled));
      if (behaviour === 'returned-after-settlement') {
        later(PAYOUT_SIMULATOR_DELAYS_MILLISECONDS.returnedAfterSettled, () => void outcome(transferId, transfer, 'transfer.returned', 'BENEFICIARY_BANK_RETURNED'));
      }
    });
  }

  function instruct(body: unknown): SimulatorResponse {
    const request = parseTransferRequest(body);
    if ('error' in request) return { status: 400, body: { error: request.error } };
    const { transferId, amountHalalas, iban } = request;

    const known = transfers.get(transferId);
    if (known !== undefined) {
      if (known.amountHalalas !== amountHalalas || known.iban !== iban) return { status: 409, body: { error: 'TRANSFER_ID_REUSED_WITH_OTHER_DETAILS' } };
      return { status: 200, body: { transferId, providerTransferId: known.providerTransferId, status: 'ACCEPTED', duplicate: true } };
    }

    // Either memory full means the simulator is at capacity; the unavailable-twice answers count towards it too.
    if (transfers.size + unavailableAnswers.size >= PAYOUT_SIMULATOR_TRANSFERS_MAX) return UNAVAILABLE;
    if (behaviourFor(iban) === 'unavailable-twice') {
      const answered = unavailableAnswers.get(transferId) ?? 0;
      if (answered < PAYOUT_SIMULATOR_UNAVAILABLE_ANSWERS) {
        unavailableAnswers.set(transferId, answered + 1);
        return UNAVAILABLE;
      }
      unavailableAnswers.delete(transferId);
    }
    if (amountHalalas > PAYOUT_SIMULATOR_TRANSFER_LIMIT_HALALAS) return { status: 422, body: { error: 'AMOUNT_ABOVE_TRANSFER_LIMIT' } };

    const transfer: AcceptedTransfer = { providerTransferId: `ptr_${randomUUID()}`, amountHalalas, iban };
    transfers.set(transferId, transfer);
    schedule(transferId, transfer);
    return { status: 201, body: { transferId, providerTransferId: transfer.providerTransferId, status: 'ACCEPTED', duplicate: false } };
  }

  return startHttpSimulator(
    options.port,
    async (request) => {
      if (request.method === 'POST' && request.url.pathname === '/v1/transfers') return instruct(request.body);
      return { status: 404, body: { error: 'not found' } };
    },
    () => timers.stop(),
  );
}

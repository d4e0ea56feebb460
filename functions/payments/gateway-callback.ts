/** The payment gateway's callbacks (payment and refund outcomes) are signed the same way; both handlers check it here. */
import { isCallbackSignatureValid } from '../../shared/kernel/crypto/callback-signature.ts';
import type { Clock } from '../../shared/kernel/clock-and-ids.ts';
import { paymentsError } from '../../shared/payments/api/error-codes.ts';
import { paymentWebhookSecret } from '../../shared/payments/compose.ts';

/** Throws WEBHOOK_SIGNATURE_INVALID unless the body was signed by the gateway, recently (X-Gateway-Timestamp, X-Gateway-Signature). */
export async function requireGatewaySignature(request: { header(name: string): string | undefined; readonly rawBody?: string }, clock: Clock): Promise<void> {
  const signed = isCallbackSignatureValid(
    await paymentWebhookSecret()(),
    { timestamp: request.header('x-gateway-timestamp'), signature: request.header('x-gateway-signature') },
    request.rawBody ?? '',
    clock.now(),
  );
  if (!signed) throw paymentsError('WEBHOOK_SIGNATURE_INVALID');
}

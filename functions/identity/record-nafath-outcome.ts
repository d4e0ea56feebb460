import { isCallbackSignatureValid } from '../../shared/kernel/crypto/callback-signature.ts';
import { clock, identityStore, ids, nafathCallbackSecret } from '../../shared/identity/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { identityRoutes } from '../../shared/identity/api/routes.ts';
import { recordNafathOutcome } from '../../shared/identity/app/sign-in-with-nafath.ts';
import { identityError } from '../../shared/identity/api/error-codes.ts';


export const handler = httpHandler(identityRoutes.recordNafathOutcome, async (request) => {
  const signed = isCallbackSignatureValid(
    await nafathCallbackSecret()(),
    { timestamp: request.header('x-nafath-timestamp'), signature: request.header('x-nafath-signature') },
    request.rawBody ?? '',
    clock.now(),
  );
  if (!signed) throw identityError('CALLBACK_SIGNATURE_INVALID');
  const { callbackId, transId, status, occurredAt } = request.body;
  await recordNafathOutcome({ callbackId, transactionId: transId, status, decidedAt: new Date(occurredAt), correlationId: request.context.correlationId }, { identityStore: identityStore(), clock, ids });
  return { statusCode: 200, body: { status: 'accepted' } };
});

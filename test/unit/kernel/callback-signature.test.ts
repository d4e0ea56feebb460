import { describe, expect, it } from 'vitest';
import { CALLBACK_TIMESTAMP_TOLERANCE_SECONDS, isCallbackSignatureValid, signCallback } from '../../../shared/kernel/crypto/callback-signature.ts';

const secret = 'test-secret';
const now = new Date('2026-11-24T10:00:00Z');
const nowSeconds = now.getTime() / 1000;
const body = '{"callbackId":"C1","transId":"T1","status":"COMPLETED"}';

describe('callback signatures', () => {
  it('accept a body signed with the shared secret and a fresh timestamp', () => {
    expect(isCallbackSignatureValid(secret, { timestamp: String(nowSeconds), signature: signCallback(secret, nowSeconds, body) }, body, now)).toBe(true);
  });

  it('refuse a changed body, another secret, or a missing header', () => {
    const signature = signCallback(secret, nowSeconds, body);
    expect(isCallbackSignatureValid(secret, { timestamp: String(nowSeconds), signature }, body.replace('COMPLETED', 'REJECTED'), now)).toBe(false);
    expect(isCallbackSignatureValid('other', { timestamp: String(nowSeconds), signature }, body, now)).toBe(false);
    expect(isCallbackSignatureValid(secret, { timestamp: undefined, signature }, body, now)).toBe(false);
  });

  it('refuse a correctly signed callback whose timestamp is outside the tolerance', () => {
    const stale = nowSeconds - CALLBACK_TIMESTAMP_TOLERANCE_SECONDS - 1;
    expect(isCallbackSignatureValid(secret, { timestamp: String(stale), signature: signCallback(secret, stale, body) }, body, now)).toBe(false);
  });
});

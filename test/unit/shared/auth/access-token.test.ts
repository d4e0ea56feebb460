import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToJoseSignature, signingInput, verifyAccessToken, type AccessTokenClaims } from '../../../../shared/auth/access-token.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const now = new Date('2026-11-24T10:00:00Z');
const nowSeconds = now.getTime() / 1000;

/** Signs the way KMS does (DER signature), then converts like the KMS signer adapter. */
function tokenFor(claims: AccessTokenClaims, key = privateKey, kid = 'k1'): string {
  const input = signingInput(kid, claims);
  const der = sign('sha256', Buffer.from(input), key);
  return `${input}.${derToJoseSignature(der).toString('base64url')}`;
}

const claims: AccessTokenClaims = { iss: 'https://api.rabhan.sa', sub: 'P1', roles: ['customer'], iat: nowSeconds, exp: nowSeconds + 900, jti: 'J1' };
const keys = new Map([['k1', publicKey]]);
const expected = { issuer: 'https://api.rabhan.sa', now };

describe('access tokens', () => {
  it('verify when signed by the published key and carry only the opaque principal and roles', () => {
    const verified = verifyAccessToken(tokenFor(claims), keys, expected);
    expect(verified).toEqual(claims);
  });

  it('convert DER signatures of any length to fixed 64-byte JOSE signatures', () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const der = sign('sha256', Buffer.from(`m${attempt}`), privateKey);
      expect(derToJoseSignature(der)).toHaveLength(64);
    }
  });

  it('are refused when signed by another key, expired, from another issuer, or tampered with', () => {
    expect(() => verifyAccessToken(tokenFor(claims, otherKeys.privateKey), keys, expected)).toThrow('bad signature');
    expect(() => verifyAccessToken(tokenFor({ ...claims, exp: nowSeconds - 60 }), keys, expected)).toThrow('expired');
    expect(() => verifyAccessToken(tokenFor({ ...claims, iss: 'https://evil.example' }), keys, expected)).toThrow('wrong issuer');
    expect(() => verifyAccessToken(tokenFor(claims, privateKey, 'unknown'), keys, expected)).toThrow('unknown key id');
    const [header, , signature] = tokenFor(claims).split('.');
    const escalated = Buffer.from(JSON.stringify({ ...claims, roles: ['ops'] })).toString('base64url');
    expect(() => verifyAccessToken(`${header}.${escalated}.${signature}`, keys, expected)).toThrow('bad signature');
  });

  it('are refused when not a three-part compact token', () => {
    expect(() => verifyAccessToken('a.b', keys, expected)).toThrow();
    expect(() => verifyAccessToken('x'.repeat(5000), keys, expected)).toThrow('too long');
  });
});

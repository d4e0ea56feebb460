import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derToJoseSignature, signingInput, verifyAccessToken, type AccessTokenClaims } from '../../../shared/identity/app/access-token.ts';

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

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** How many low bits of a base64url text's last character encode nothing: 4 after one spare byte, 2 after two. */
function unusedTrailingBits(segment: string): number {
  return [0, 0, 4, 2][segment.length % 4]!;
}

/** The same bytes spelled differently: the last character's unused bits replaced by `bits` (which must differ). */
function withUnusedBits(segment: string, bits: number): string {
  const mask = (1 << unusedTrailingBits(segment)) - 1;
  const index = BASE64URL_ALPHABET.indexOf(segment.at(-1)!);
  return `${segment.slice(0, -1)}${BASE64URL_ALPHABET[(index & ~mask) | (bits & mask)]!}`;
}

/** Unused-bit values that change the last character of `segment`. */
const otherUnusedBits = (segment: string) => {
  const mask = (1 << unusedTrailingBits(segment)) - 1;
  const current = BASE64URL_ALPHABET.indexOf(segment.at(-1)!) & mask;
  return fc.integer({ min: 0, max: mask }).filter((bits) => bits !== current);
};

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

  it('are refused when the signature text differs from the canonical one only in its unused trailing bits', () => {
    const [header, payload, signature] = tokenFor(claims).split('.') as [string, string, string];
    // 64 signature bytes take 86 characters, the last carrying 2 bits and 4 that decode to nothing.
    expect(unusedTrailingBits(signature)).toBe(4);
    fc.assert(
      fc.property(otherUnusedBits(signature), (bits) => {
        const altered = withUnusedBits(signature, bits);
        expect(Buffer.from(altered, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
        expect(() => verifyAccessToken(`${header}.${payload}.${altered}`, keys, expected)).toThrow('non-canonical signature encoding');
      }),
    );
  });

  it('are refused when a header or claims text is not canonical, even when the signature covers that text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }).chain((jti) => {
          const input = signingInput('k1', { ...claims, jti });
          return fc.tuple(fc.constant(input), fc.constantFrom(0, 1).filter((part) => unusedTrailingBits(input.split('.')[part]!) > 0));
        }),
        fc.nat(),
        ([input, part], bits) => {
          const parts = input.split('.');
          const segment = parts[part]!;
          const mask = (1 << unusedTrailingBits(segment)) - 1;
          const current = BASE64URL_ALPHABET.indexOf(segment.at(-1)!) & mask;
          parts[part] = withUnusedBits(segment, current ^ (1 + (bits % mask)));
          const alteredInput = parts.join('.');
          const token = `${alteredInput}.${derToJoseSignature(sign('sha256', Buffer.from(alteredInput), privateKey)).toString('base64url')}`;
          expect(() => verifyAccessToken(token, keys, expected)).toThrow(`non-canonical ${part === 0 ? 'header' : 'claims'} encoding`);
        },
      ),
    );
  });

  it('are refused when a segment carries padding or characters outside base64url', () => {
    const [header, payload, signature] = tokenFor(claims).split('.') as [string, string, string];
    expect(() => verifyAccessToken(`${header}.${payload}.${signature}==`, keys, expected)).toThrow('non-canonical signature encoding');
    // Node also decodes standard base64's '+' and '/' as base64url's '-' and '_'.
    const withUrlCharacter = Array.from({ length: 50 }, (_, attempt) => tokenFor({ ...claims, jti: `J${attempt}` })).find((token) => /[-_]/.test(token.split('.')[2]!))!;
    const standardSpelling = withUrlCharacter.replace(/\.([^.]*)$/, (signaturePart) => signaturePart.replaceAll('-', '+').replaceAll('_', '/'));
    expect(() => verifyAccessToken(standardSpelling, keys, expected)).toThrow('non-canonical signature encoding');
    expect(() => verifyAccessToken(`${header} .${payload}.${signature}`, keys, expected)).toThrow('non-canonical header encoding');
  });

  it('are refused when not a three-part compact token', () => {
    expect(() => verifyAccessToken('a.b', keys, expected)).toThrow();
    expect(() => verifyAccessToken('x'.repeat(5000), keys, expected)).toThrow('too long');
  });
});

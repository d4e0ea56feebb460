import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToJoseSignature, signingInput, type AccessTokenClaims } from '../../../shared/identity/app/access-token.ts';
import { principalFromOptionalBearer, type AccessTokenVerification } from '../../../shared/identity/app/optional-sign-in.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import type { Role } from '../../../shared/kernel/http/roles.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const issuer = 'https://api.rabhan.sa';
const now = new Date('2026-12-01T09:00:00Z');
const nowSeconds = now.getTime() / 1000;
const customerOnly: readonly Role[] = ['customer'];

const claims: AccessTokenClaims = { iss: issuer, sub: 'P1', roles: ['customer'], iat: nowSeconds, exp: nowSeconds + 900, jti: 'J1' };

/** Signs as KMS does (a DER signature), then converts to JOSE as the KMS signer adapter does. */
function bearer(tokenClaims: AccessTokenClaims, key: KeyObject = privateKey): string {
  const input = signingInput('k1', tokenClaims);
  return `Bearer ${input}.${derToJoseSignature(sign('sha256', Buffer.from(input), key)).toString('base64url')}`;
}

const verification: AccessTokenVerification = { issuer, publicKeys: async () => new Map([['k1', publicKey]]) };

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(RabhanError);
  expect((error as RabhanError).code).toBe(code);
}

describe('optional sign-in on a public route', () => {
  it('treats a request without an Authorization header as anonymous', async () => {
    await expect(principalFromOptionalBearer(undefined, customerOnly, verification, now)).resolves.toBeUndefined();
    await expect(principalFromOptionalBearer('', customerOnly, verification, now)).resolves.toBeUndefined();
  });

  it('gives a valid customer token\'s principal: its subject and roles', async () => {
    await expect(principalFromOptionalBearer(bearer(claims), customerOnly, verification, now)).resolves.toEqual({ principalId: 'P1', roles: ['customer'] });
  });

  it('refuses a header that is not a bearer token, rather than ignoring it', async () => {
    const token = bearer(claims).slice('Bearer '.length);
    for (const header of ['Basic dXNlcjpwYXNz', token, 'Bearer ', `Bearer ${token} extra`, `bearer ${token}`]) {
      await expectCode(principalFromOptionalBearer(header, customerOnly, verification, now), 'AUTHENTICATION_REQUIRED');
    }
  });

  it('refuses a token that is not a JWT', async () => {
    await expectCode(principalFromOptionalBearer('Bearer not-a-token', customerOnly, verification, now), 'AUTHENTICATION_REQUIRED');
  });

  it('refuses a token signed by another key', async () => {
    await expectCode(principalFromOptionalBearer(bearer(claims, otherKeys.privateKey), customerOnly, verification, now), 'AUTHENTICATION_REQUIRED');
  });

  it('refuses an expired token, so the client learns to refresh', async () => {
    const expired = { ...claims, iat: nowSeconds - 3_600, exp: nowSeconds - 600 };

    await expectCode(principalFromOptionalBearer(bearer(expired), customerOnly, verification, now), 'AUTHENTICATION_REQUIRED');
  });

  it('refuses a token from another issuer', async () => {
    await expectCode(principalFromOptionalBearer(bearer({ ...claims, iss: 'https://evil.example' }), customerOnly, verification, now), 'AUTHENTICATION_REQUIRED');
  });

  it('refuses a valid token whose roles the route does not admit', async () => {
    const contractor = { ...claims, roles: ['contractor'] as Role[] };

    await expectCode(principalFromOptionalBearer(bearer(contractor), customerOnly, verification, now), 'ROLE_NOT_PERMITTED');
  });

  it('lets a failure to fetch the signing keys propagate as our own failure, not as an invalid token', async () => {
    const outage = new Error('KMS GetPublicKey timed out');
    const unavailable: AccessTokenVerification = {
      issuer,
      publicKeys: async () => {
        throw outage;
      },
    };

    const error = await rejectionOf(principalFromOptionalBearer(bearer(claims), customerOnly, unavailable, now));

    expect(error).toBe(outage);
    expect(error).not.toBeInstanceOf(RabhanError);
  });
});

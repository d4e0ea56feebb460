/**
 * Access tokens are compact JWTs signed with ES256 by a KMS asymmetric key. Signing happens in KMS (adapter);
 * verifying needs only the public key, which the authorizer caches, so no request pays a KMS call.
 * Tokens carry an opaque principal id and roles, never personal data.
 */
import { createHash, verify, type KeyObject } from 'node:crypto';
import * as z from 'zod';
import { ROLES, type Role } from '../../kernel/http/roles.ts';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';
/** Short-lived by design: a stolen access token is useful for minutes; refresh tokens rotate and detect reuse. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Tolerated clock difference between the issuer and the verifier. */
const CLOCK_SKEW_SECONDS = 30;
/** Anything longer is not one of our tokens; refuse before parsing. */
const ACCESS_TOKEN_LENGTH_MAX = 4_096;

export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

const claimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string(),
});
const headerSchema = z.object({ alg: z.literal(ACCESS_TOKEN_ALGORITHM), typ: z.literal('JWT'), kid: z.string() });

const base64UrlJson = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The key id published in the JWKS: a digest of the KMS key id, so the key's ARN is not exposed. */
export function keyIdFor(kmsKeyId: string): string {
  return createHash('sha256').update(kmsKeyId).digest('base64url').slice(0, 16);
}

export function signingInput(kid: string, claims: AccessTokenClaims): string {
  return `${base64UrlJson({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'JWT', kid })}.${base64UrlJson(claims)}`;
}

/** KMS returns ECDSA signatures DER-encoded; JWS wants the fixed-width r||s form (RFC 7518 §3.4). */
export function derToJoseSignature(der: Uint8Array, componentBytes = 32): Buffer {
  const buffer = Buffer.from(der);
  let offset = 2;
  if ((buffer[1] ?? 0) & 0x80) offset += (buffer[1] ?? 0) & 0x7f;
  const readInteger = (): Buffer => {
    if (buffer[offset] !== 0x02) throw new Error('Malformed DER signature');
    const length = buffer[offset + 1] ?? 0;
    const value = buffer.subarray(offset + 2, offset + 2 + length);
    offset += 2 + length;
    const trimmed = value[0] === 0 ? value.subarray(1) : value;
    return Buffer.concat([Buffer.alloc(componentBytes - trimmed.length), trimmed]);
  };
  return Buffer.concat([readInteger(), readInteger()]);
}

export class InvalidAccessTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidAccessTokenError';
  }
}

/**
 * Decodes one segment, refusing any text that is not the unique base64url encoding of its bytes. Node's decoder,
 * like the JOSE libraries', ignores the unused trailing bits of the last character (and stray padding or other
 * characters), so several texts decode to the same bytes; re-encoding and comparing leaves exactly one accepted
 * spelling of every token.
 */
function decodeCanonicalBase64Url(segment: string, name: string): Buffer {
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) throw new InvalidAccessTokenError(`non-canonical ${name} encoding`);
  return bytes;
}

export function verifyAccessToken(
  token: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
  expected: { readonly issuer: string; readonly now: Date },
): AccessTokenClaims {
  if (token.length > ACCESS_TOKEN_LENGTH_MAX) throw new InvalidAccessTokenError('too long');
  const [encodedHeader, encodedClaims, encodedSignature, ...rest] = token.split('.');
  if (encodedHeader === undefined || encodedClaims === undefined || encodedSignature === undefined || rest.length > 0) {
    throw new InvalidAccessTokenError('not a compact JWS');
  }
  const headerBytes = decodeCanonicalBase64Url(encodedHeader, 'header');
  const claimsBytes = decodeCanonicalBase64Url(encodedClaims, 'claims');
  const signature = decodeCanonicalBase64Url(encodedSignature, 'signature');
  let header: z.infer<typeof headerSchema>;
  let claims: AccessTokenClaims;
  try {
    header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
    claims = claimsSchema.parse(JSON.parse(claimsBytes.toString('utf8')));
  } catch {
    throw new InvalidAccessTokenError('unreadable header or claims');
  }
  const publicKey = publicKeys.get(header.kid);
  if (publicKey === undefined) throw new InvalidAccessTokenError('unknown key id');
  const signatureValid = verify(
    'sha256',
    Buffer.from(`${encodedHeader}.${encodedClaims}`, 'utf8'),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    signature,
  );
  if (!signatureValid) throw new InvalidAccessTokenError('bad signature');
  const nowSeconds = Math.floor(expected.now.getTime() / 1000);
  if (claims.iss !== expected.issuer) throw new InvalidAccessTokenError('wrong issuer');
  if (claims.exp + CLOCK_SKEW_SECONDS <= nowSeconds) throw new InvalidAccessTokenError('expired');
  if (claims.iat - CLOCK_SKEW_SECONDS > nowSeconds) throw new InvalidAccessTokenError('issued in the future');
  return claims;
}

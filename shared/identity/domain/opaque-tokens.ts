/** Poll tokens and refresh-token secrets: random, shown to the client once, stored only as SHA-256 digests. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits: unguessable, and hashing without a salt is safe at this entropy. */
const OPAQUE_TOKEN_BYTES = 32;

export function newOpaqueToken(): string {
  return randomBytes(OPAQUE_TOKEN_BYTES).toString('base64url');
}

export function digestOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function matchesDigest(token: string, expectedDigest: string): boolean {
  const actual = Buffer.from(digestOf(token), 'hex');
  const expected = Buffer.from(expectedDigest, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Refresh tokens name their family and generation so that reuse of an old one can be told from a forgery. */
const REFRESH_TOKEN_PATTERN = /^rt1\.([0-9A-HJKMNP-TV-Z]{26})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/;

export interface ParsedRefreshToken {
  readonly familyId: string;
  readonly generation: number;
  readonly secret: string;
}

export function formatRefreshToken(token: ParsedRefreshToken): string {
  return `rt1.${token.familyId}.${token.generation}.${token.secret}`;
}

export function parseRefreshToken(candidate: string): ParsedRefreshToken | undefined {
  const match = REFRESH_TOKEN_PATTERN.exec(candidate);
  if (match === null) return undefined;
  return { familyId: match[1]!, generation: Number(match[2]), secret: match[3]! };
}

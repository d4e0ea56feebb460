/**
 * A public route that serves signed-in callers more (the solar calculator) has no authorizer in front, so its
 * handler verifies the bearer token itself, exactly as the authorizer would: with the signing key's public half,
 * fetched once per container. No token means anonymous; a token that does not verify is refused, never ignored,
 * so a client with an expired token learns to refresh rather than silently losing its own view.
 */
import type { KeyObject } from 'node:crypto';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import type { Role } from '../../kernel/http/roles.ts';
import { verifyAccessToken } from './access-token.ts';

export interface AccessTokenVerification {
  readonly issuer: string;
  readonly publicKeys: () => Promise<ReadonlyMap<string, KeyObject>>;
}

const BEARER_PATTERN = /^Bearer ([A-Za-z0-9._-]+)$/;

export async function principalFromOptionalBearer(
  authorizationHeader: string | undefined,
  admittedRoles: readonly Role[],
  verification: AccessTokenVerification,
  now: Date,
): Promise<Principal | undefined> {
  if (authorizationHeader === undefined || authorizationHeader === '') return undefined;
  const token = BEARER_PATTERN.exec(authorizationHeader)?.[1];
  if (token === undefined) throw kernelError('AUTHENTICATION_REQUIRED');
  // Outside the try: a key that cannot be fetched is our failure, not an invalid token.
  const publicKeys = await verification.publicKeys();
  let principal: Principal;
  try {
    const claims = verifyAccessToken(token, publicKeys, { issuer: verification.issuer, now });
    principal = { principalId: claims.sub, roles: claims.roles };
  } catch (error) {
    throw kernelError('AUTHENTICATION_REQUIRED', { cause: error });
  }
  if (!admittedRoles.some((role) => principal.roles.includes(role))) throw kernelError('ROLE_NOT_PERMITTED');
  return principal;
}

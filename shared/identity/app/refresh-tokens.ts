/**
 * Refresh tokens rotate on every use. Presenting any token of a family other than its current one means a copy
 * exists somewhere else, so the whole family is revoked and the person must sign in with NAFATH again.
 */
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token.ts';
import { digestOf, formatRefreshToken, matchesDigest, newOpaqueToken, parseRefreshToken } from '../domain/opaque-tokens.ts';
import type { IdentityStore } from './identity-store.ts';
import { signAccessToken, type IssuedTokens, type TokenDeps } from './token-issuer.ts';
import { identityError } from '../api/error-codes.ts';

export async function refreshTokens(
  command: { readonly refreshToken: string },
  deps: { readonly identityStore: IdentityStore } & TokenDeps,
): Promise<IssuedTokens> {
  const presented = parseRefreshToken(command.refreshToken);
  if (presented === undefined) throw identityError('REFRESH_TOKEN_INVALID');
  const family = await deps.identityStore.findRefreshFamily(presented.familyId);
  const now = deps.clock.now();
  if (family === undefined || family.revoked || family.expiresAt <= now) throw identityError('REFRESH_TOKEN_INVALID');

  const isCurrent = presented.generation === family.generation && matchesDigest(presented.secret, family.currentSecretHash);
  if (!isCurrent) {
    await deps.identityStore.revokeRefreshFamily(family.familyId, now);
    throw identityError('REFRESH_TOKEN_INVALID');
  }
  const principal = await deps.identityStore.findPrincipal(family.principalId);
  if (principal === undefined) throw identityError('REFRESH_TOKEN_INVALID');
  const accessToken = await signAccessToken(principal.principalId, principal.roles, deps);
  const nextSecret = newOpaqueToken();
  const rotated = await deps.identityStore.rotateRefreshFamily(family, digestOf(nextSecret));
  if (!rotated) {
    // Someone rotated this generation between our read and write: two holders of one token, so treat it as reuse.
    await deps.identityStore.revokeRefreshFamily(family.familyId, now);
    throw identityError('REFRESH_TOKEN_INVALID');
  }
  return {
    accessToken,
    refreshToken: formatRefreshToken({ familyId: family.familyId, generation: family.generation + 1, secret: nextSecret }),
    expiresInSeconds: ACCESS_TOKEN_TTL_SECONDS,
  };
}

import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokenClaims } from './access-token.ts';
import { digestOf, formatRefreshToken, newOpaqueToken } from '../domain/opaque-tokens.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { Role } from '../../kernel/http/roles.ts';
import type { AccessTokenSigner } from './ports.ts';
import type { RefreshTokenFamily } from './identity-store.ts';

/** A refresh-token family lives this long from sign-in; after that the person signs in with NAFATH again. */
export const REFRESH_FAMILY_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInSeconds: number;
}

export interface TokenDeps {
  readonly signer: AccessTokenSigner;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly issuer: string;
}

export async function signAccessToken(principalId: string, roles: readonly Role[], deps: TokenDeps): Promise<string> {
  const issuedAtSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  const claims: AccessTokenClaims = {
    iss: deps.issuer,
    sub: principalId,
    roles,
    iat: issuedAtSeconds,
    exp: issuedAtSeconds + ACCESS_TOKEN_TTL_SECONDS,
    jti: deps.ids.newId(),
  };
  return deps.signer.sign(claims);
}

/** A new family at generation 1, with the token to hand to the client and the record to store. */
export function openRefreshFamily(principalId: string, deps: TokenDeps): { family: RefreshTokenFamily; refreshToken: string } {
  const secret = newOpaqueToken();
  const family: RefreshTokenFamily = {
    familyId: deps.ids.newId(),
    principalId,
    generation: 1,
    currentSecretHash: digestOf(secret),
    revoked: false,
    expiresAt: new Date(deps.clock.now().getTime() + REFRESH_FAMILY_LIFETIME_SECONDS * 1000),
  };
  return { family, refreshToken: formatRefreshToken({ familyId: family.familyId, generation: 1, secret }) };
}

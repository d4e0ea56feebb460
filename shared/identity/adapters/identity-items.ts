/** Identity's stored items: the mappers from DynamoDB items, and the refresh-token family item. */
import { auditHeadOf } from '../../audit/index.ts';
import type { Role } from '../../kernel/http/roles.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import type { NafathSession, NafathStatus, Principal, RefreshTokenFamily } from '../app/identity-store.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

/** Sessions and callback guards outlive the session by a day so late callbacks are still recognised as replays. */
export const SESSION_RECORD_RETENTION_SECONDS = 24 * 60 * 60;

export const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export function toSession(item: Record<string, unknown>): NafathSession {
  return {
    sessionId: String(item.sessionId),
    transactionId: String(item.transactionId),
    randomNumber: String(item.randomNumber),
    pollTokenHash: String(item.pollTokenHash),
    status: item.status as NafathStatus,
    nationalIdBlindIndex: String(item.nationalIdBlindIndex),
    nationalIdKind: item.nationalIdKind as NationalIdKind,
    principalId: String(item.principalId),
    principalExists: item.principalExists === true,
    nationalIdCiphertext: typeof item.nationalIdCiphertext === 'string' ? item.nationalIdCiphertext : undefined,
    createdAt: new Date(String(item.createdAt)),
    expiresAt: new Date(String(item.expiresAt)),
    tokensIssued: item.tokensIssuedAt !== undefined,
  };
}

export function toPrincipal(item: Record<string, unknown>): Principal {
  return {
    principalId: String(item.principalId),
    roles: [...((item.roles as Set<string> | undefined) ?? [])] as Role[],
    nationalIdKind: item.nationalIdKind as NationalIdKind,
    nationalIdCiphertext: String(item.nationalIdCiphertext),
    nationalIdBlindIndex: String(item.nationalIdBlindIndex),
    identityVerifiedAt: item.identityVerifiedAt === undefined ? undefined : new Date(String(item.identityVerifiedAt)),
    auditHead: auditHeadOf(item),
  };
}

export function toFamily(item: Record<string, unknown>): RefreshTokenFamily {
  return {
    familyId: String(item.familyId),
    principalId: String(item.principalId),
    generation: Number(item.generation),
    currentSecretHash: String(item.currentSecretHash),
    revoked: item.revokedAt !== undefined,
    expiresAt: new Date(String(item.expiresAt)),
  };
}

export function familyItem(family: RefreshTokenFamily): Record<string, unknown> {
  return {
    ...keys.refreshTokenFamily(family.familyId),
    entityType: ENTITY_TYPES.refreshTokenFamily,
    familyId: family.familyId,
    principalId: family.principalId,
    generation: family.generation,
    currentSecretHash: family.currentSecretHash,
    expiresAt: family.expiresAt.toISOString(),
    expiresAtEpochSeconds: epochSeconds(family.expiresAt),
  };
}

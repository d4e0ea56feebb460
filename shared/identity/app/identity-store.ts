/** The persistence port for sign-in: NAFATH sessions, principals, refresh-token families and rate-limit windows. */
import type { Role } from '../../kernel/http/roles.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { AuditEntryContent } from '../../audit/index.ts';

export type NafathStatus = 'WAITING' | 'COMPLETED' | 'REJECTED' | 'EXPIRED';

export interface NafathSession {
  readonly sessionId: string;
  readonly transactionId: string;
  readonly randomNumber: string;
  readonly pollTokenHash: string;
  readonly status: NafathStatus;
  readonly nationalIdBlindIndex: string;
  readonly nationalIdKind: NationalIdKind;
  /** The existing principal for this person, or a fresh id to create on completion. */
  readonly principalId: string;
  readonly principalExists: boolean;
  /** Present only when the principal is new: the national ID encrypted for that principal. */
  readonly nationalIdCiphertext: string | undefined;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly tokensIssued: boolean;
}

export interface Principal {
  readonly principalId: string;
  readonly roles: readonly Role[];
  readonly nationalIdKind: NationalIdKind;
  readonly nationalIdCiphertext: string;
  readonly nationalIdBlindIndex: string;
  readonly identityVerifiedAt: Date | undefined;
  readonly auditHead: { readonly sequence: number; readonly hash: string };
}

export interface RateLimitCharge {
  readonly scope: string;
  readonly subject: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RefreshTokenFamily {
  readonly familyId: string;
  readonly principalId: string;
  readonly generation: number;
  readonly currentSecretHash: string;
  readonly revoked: boolean;
  readonly expiresAt: Date;
}

export type OutcomeRecording = 'recorded' | 'callback-replayed' | 'session-not-waiting' | 'principal-created-concurrently';

export interface IdentityStore {
  /** Charges every window at once; refuses all if any is exhausted, returning the longest wait. */
  chargeRateLimits(charges: readonly RateLimitCharge[], now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  findPrincipalIdByBlindIndex(nationalIdBlindIndex: string): Promise<string | undefined>;
  createSession(session: NafathSession): Promise<void>;
  findSession(sessionId: string): Promise<NafathSession | undefined>;
  findSessionByTransaction(transactionId: string): Promise<NafathSession | undefined>;
  findPrincipal(principalId: string): Promise<Principal | undefined>;
  /**
   * Records NAFATH's outcome exactly once: the callback id is consumed, the session leaves WAITING and, on
   * COMPLETED, the principal is created or marked verified with an audit entry and the outbox event.
   */
  recordOutcome(input: {
    readonly session: NafathSession;
    readonly callbackId: string;
    readonly status: Exclude<NafathStatus, 'WAITING'>;
    readonly occurredAt: Date;
    readonly existingPrincipal: Principal | undefined;
    readonly audit: AuditEntryContent | undefined;
    readonly event: EventDetailEnvelope | undefined;
  }): Promise<OutcomeRecording>;
  /** Marks tokens handed out and opens a refresh family in one transaction; false if already handed out. */
  issueTokensOnce(sessionId: string, family: RefreshTokenFamily, issuedAt: Date): Promise<boolean>;
  findRefreshFamily(familyId: string): Promise<RefreshTokenFamily | undefined>;
  /** Advances the family only if the presented generation is still current; false when it was not. */
  rotateRefreshFamily(family: RefreshTokenFamily, nextSecretHash: string): Promise<boolean>;
  revokeRefreshFamily(familyId: string, at: Date): Promise<void>;
  grantRole(input: { readonly principal: Principal; readonly role: Role; readonly audit: AuditEntryContent }): Promise<void>;
  /** Creates a principal directly (operator seeding of staff identities); false when it already exists. */
  createPrincipal(principal: Omit<Principal, 'auditHead' | 'identityVerifiedAt'>, audit: AuditEntryContent): Promise<boolean>;
}

/**
 * Sign-in with NAFATH: start a session (the one synchronous government call), record NAFATH's signed outcome,
 * and let the client poll for the result, handing out tokens exactly once.
 */
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token.ts';
import { digestOf, matchesDigest, newOpaqueToken } from '../domain/opaque-tokens.ts';
import { parseNationalId } from '../../kernel/national-id.ts';
import { buildEventEnvelope } from '../../kernel/messaging/event-envelope.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { type BlindIndexer, type PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import { type NafathClient } from './ports.ts';
import type { IdentityStore, NafathSession, NafathStatus } from './identity-store.ts';
import { openRefreshFamily, signAccessToken, type IssuedTokens, type TokenDeps } from './token-issuer.ts';
import { identityError } from '../api/error-codes.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { IDENTITY_EVENTS } from '../api/events.ts';

/** How long the person has to approve in the Nafath app before the session counts as expired. */
export const NAFATH_SESSION_TTL_SECONDS = 3 * 60;
/** How far NAFATH's clock may run ahead of ours when it says when the person decided. */
export const NAFATH_CLOCK_SKEW_SECONDS = 30;
/**
 * How long after a session expired an in-time approval may still arrive, when NAFATH had to retry its callback
 * (because we answered 5xx, say). Past this the session is closed whatever the callback says.
 */
export const NAFATH_LATE_DELIVERY_SECONDS = 10 * 60;

export interface SignInLimits {
  /** Sign-in attempts per national ID per window: stops someone spamming a victim's Nafath app. */
  readonly attemptsPerNationalId: number;
  /** Sign-in attempts per client address per window: stops enumeration from one source. */
  readonly attemptsPerClient: number;
  readonly windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { attemptsPerNationalId: 5, attemptsPerClient: 30, windowSeconds: 10 * 60 };

export interface SignInDeps {
  readonly identityStore: IdentityStore;
  readonly nafath: NafathClient;
  readonly blindIndexer: BlindIndexer;
  readonly cipher: PersonalDataCipher;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly limits: SignInLimits;
}

export interface StartedSession {
  readonly sessionId: string;
  readonly pollToken: string;
  readonly randomNumber: string;
  readonly expiresAt: string;
}

export async function startNafathSession(
  command: { readonly nationalId: string; readonly clientAddress: string },
  deps: SignInDeps,
): Promise<StartedSession> {
  const nationalId = parseNationalId(command.nationalId);
  if (nationalId === undefined) throw identityError('INVALID_NATIONAL_ID', { details: [{ field: 'body.nationalId', issue: 'format or check digit' }] });
  const now = deps.clock.now();
  const blindIndex = await deps.blindIndexer.indexOf('national-id', nationalId.value);
  const charge = await deps.identityStore.chargeRateLimits(
    [
      { scope: 'nafathByNationalId', subject: blindIndex, limit: deps.limits.attemptsPerNationalId, windowSeconds: deps.limits.windowSeconds },
      { scope: 'nafathByClient', subject: command.clientAddress, limit: deps.limits.attemptsPerClient, windowSeconds: deps.limits.windowSeconds },
    ],
    now,
  );
  if (!charge.allowed) throw kernelError('RATE_LIMITED', { headers: { 'Retry-After': String(charge.retryAfterSeconds) } });

  const existingPrincipalId = await deps.identityStore.findPrincipalIdByBlindIndex(blindIndex);
  const principalId = existingPrincipalId ?? deps.ids.newId();
  let login;
  try {
    login = await deps.nafath.requestLogin(nationalId.value);
  } catch (error) {
    if (error instanceof GovernmentServiceError) throw identityError('IDENTITY_SERVICE_UNAVAILABLE', { cause: error, headers: { 'Retry-After': '5' } });
    throw error;
  }
  const pollToken = newOpaqueToken();
  const session: NafathSession = {
    sessionId: deps.ids.newId(),
    transactionId: login.transactionId,
    randomNumber: login.randomNumber,
    pollTokenHash: digestOf(pollToken),
    status: 'WAITING',
    nationalIdBlindIndex: blindIndex,
    nationalIdKind: nationalId.kind,
    principalId,
    principalExists: existingPrincipalId !== undefined,
    nationalIdCiphertext: existingPrincipalId === undefined ? await deps.cipher.encrypt(principalId, 'nationalId', nationalId.value) : undefined,
    createdAt: now,
    expiresAt: new Date(now.getTime() + NAFATH_SESSION_TTL_SECONDS * 1000),
    tokensIssued: false,
  };
  await deps.identityStore.createSession(session);
  return { sessionId: session.sessionId, pollToken, randomNumber: session.randomNumber, expiresAt: session.expiresAt.toISOString() };
}

/** Bounded retries when two first-time sign-ins of the same person complete at the same moment. */
const OUTCOME_RECORDING_ATTEMPTS_MAX = 2;

export async function recordNafathOutcome(
  command: {
    readonly callbackId: string;
    readonly transactionId: string;
    readonly status: Exclude<NafathStatus, 'WAITING'>;
    /** When the person decided in the Nafath app, as NAFATH signed it. */
    readonly decidedAt: Date;
    readonly correlationId: string;
  },
  deps: Pick<SignInDeps, 'identityStore' | 'clock' | 'ids'>,
): Promise<void> {
  for (let attempt = 1; attempt <= OUTCOME_RECORDING_ATTEMPTS_MAX; attempt += 1) {
    const found = await deps.identityStore.findSessionByTransaction(command.transactionId);
    if (found === undefined) throw identityError('NAFATH_SESSION_NOT_FOUND');
    // A decided session never changes; the write's condition enforces this too, this just answers early.
    if (found.status !== 'WAITING') throw identityError('CALLBACK_REPLAYED');
    // A principal created by a concurrent session for the same person takes precedence over this session's candidate.
    const currentPrincipalId = await deps.identityStore.findPrincipalIdByBlindIndex(found.nationalIdBlindIndex);
    const session = currentPrincipalId === undefined ? found : { ...found, principalId: currentPrincipalId, principalExists: true };
    const existingPrincipal = session.principalExists ? await deps.identityStore.findPrincipal(session.principalId) : undefined;
    const occurredAt = deps.clock.now();
    // An approval given after the session expired is recorded as the expiry it is, and so is any approval delivered
    // long after it: tokens must never come from a stale session. One given in time but redelivered late still counts.
    const expiresAtMilliseconds = session.expiresAt.getTime();
    const decidedTooLate = command.decidedAt.getTime() > expiresAtMilliseconds + NAFATH_CLOCK_SKEW_SECONDS * 1000;
    const deliveredTooLate = occurredAt.getTime() > expiresAtMilliseconds + NAFATH_LATE_DELIVERY_SECONDS * 1000;
    const status = command.status === 'COMPLETED' && (decidedTooLate || deliveredTooLate) ? 'EXPIRED' : command.status;
    const completed = status === 'COMPLETED';
    const outcome = await deps.identityStore.recordOutcome({
      session,
      callbackId: command.callbackId,
      status,
      occurredAt,
      existingPrincipal,
      audit: completed ? { action: 'IDENTITY_VERIFIED', actor: 'NAFATH', occurredAt: occurredAt.toISOString(), facts: { sessionId: session.sessionId } } : undefined,
      event: completed
        ? buildEventEnvelope(IDENTITY_EVENTS.customerIdentityVerified, { principalId: session.principalId, method: 'NAFATH', verifiedAt: occurredAt.toISOString() }, {
            eventId: deps.ids.newId(),
            occurredAt,
            correlationId: command.correlationId,
          })
        : undefined,
    });
    if (outcome === 'recorded') return;
    if (outcome === 'callback-replayed' || outcome === 'session-not-waiting') throw identityError('CALLBACK_REPLAYED');
  }
  throw new Error('NAFATH outcome could not be recorded after concurrent principal creation');
}

export interface SessionView {
  readonly sessionId: string;
  readonly status: NafathStatus;
  readonly tokens?: IssuedTokens;
}

export async function pollNafathSession(
  command: { readonly sessionId: string; readonly pollToken: string | undefined },
  deps: Pick<SignInDeps, 'identityStore' | 'clock'> & TokenDeps,
): Promise<SessionView> {
  const session = await deps.identityStore.findSession(command.sessionId);
  // A wrong poll token answers exactly like an unknown session, so neither can be probed.
  if (session === undefined || command.pollToken === undefined || !matchesDigest(command.pollToken, session.pollTokenHash)) {
    throw identityError('NAFATH_SESSION_NOT_FOUND');
  }
  if (session.status === 'WAITING' && deps.clock.now() > session.expiresAt) return { sessionId: session.sessionId, status: 'EXPIRED' };
  if (session.status !== 'COMPLETED' || session.tokensIssued) return { sessionId: session.sessionId, status: session.status };

  const principal = await deps.identityStore.findPrincipal(session.principalId);
  if (principal === undefined) throw new Error('A completed session must have a principal');
  const accessToken = await signAccessToken(principal.principalId, principal.roles, deps);
  const { family, refreshToken } = openRefreshFamily(principal.principalId, deps);
  const firstHandout = await deps.identityStore.issueTokensOnce(session.sessionId, family, deps.clock.now());
  if (!firstHandout) return { sessionId: session.sessionId, status: session.status };
  return { sessionId: session.sessionId, status: session.status, tokens: { accessToken, refreshToken, expiresInSeconds: ACCESS_TOKEN_TTL_SECONDS } };
}

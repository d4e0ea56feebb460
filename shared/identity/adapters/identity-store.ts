import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { appendAuditToExistingAggregate, firstAuditEntry, type AuditEntryContent } from '../../audit/index.ts';
import type { Role } from '../../kernel/http/roles.ts';
import { buildOutboxItem } from '../../kernel/messaging/outbox.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { IDENTITY_EVENTS } from '../api/events.ts';
import type { IdentityStore, NafathSession, OutcomeRecording, Principal, RateLimitCharge, RefreshTokenFamily } from '../app/identity-store.ts';
import { epochSeconds, familyItem, SESSION_RECORD_RETENTION_SECONDS, toPrincipal, toSession } from './identity-items.ts';
import { ENTITY_TYPES, keys } from './keys.ts';
import { chargeRateLimitWindows } from './rate-limits.ts';
import { DynamoDbRefreshFamilies } from './refresh-families.ts';

/**
 * Identity's store: NAFATH sessions and their outcomes, principals and their roles. Rate-limit windows and
 * refresh-token families live in modules of their own; this class only delegates to them.
 */
export class DynamoDbIdentityStore implements IdentityStore {
  private readonly families: DynamoDbRefreshFamilies;

  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.families = new DynamoDbRefreshFamilies(documentClient, tableName);
  }

  private async get(key: { PK: string; SK: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item;
  }

  chargeRateLimits(charges: readonly RateLimitCharge[], now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    return chargeRateLimitWindows(this.documentClient, this.tableName, charges, now);
  }

  async findPrincipalIdByBlindIndex(nationalIdBlindIndex: string): Promise<string | undefined> {
    const item = await this.get(keys.nationalIdGuard(nationalIdBlindIndex));
    return item === undefined ? undefined : String(item.principalId);
  }

  async createSession(session: NafathSession): Promise<void> {
    const expiresAtEpochSeconds = epochSeconds(session.expiresAt) + SESSION_RECORD_RETENTION_SECONDS;
    await writeTransaction(this.documentClient, [
      {
        name: 'sessionMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.nafathSession(session.sessionId),
              entityType: ENTITY_TYPES.nafathSession,
              sessionId: session.sessionId,
              transactionId: session.transactionId,
              randomNumber: session.randomNumber,
              pollTokenHash: session.pollTokenHash,
              status: session.status,
              nationalIdBlindIndex: session.nationalIdBlindIndex,
              nationalIdKind: session.nationalIdKind,
              principalId: session.principalId,
              principalExists: session.principalExists,
              nationalIdCiphertext: session.nationalIdCiphertext,
              createdAt: session.createdAt.toISOString(),
              expiresAt: session.expiresAt.toISOString(),
              expiresAtEpochSeconds,
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      {
        name: 'transactionMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.nafathTransaction(session.transactionId),
              entityType: ENTITY_TYPES.nafathTransaction,
              sessionId: session.sessionId,
              expiresAtEpochSeconds,
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
    ]);
  }

  async findSession(sessionId: string): Promise<NafathSession | undefined> {
    const item = await this.get(keys.nafathSession(sessionId));
    return item === undefined ? undefined : toSession(item);
  }

  async findSessionByTransaction(transactionId: string): Promise<NafathSession | undefined> {
    const pointer = await this.get(keys.nafathTransaction(transactionId));
    return pointer === undefined ? undefined : this.findSession(String(pointer.sessionId));
  }

  async findPrincipal(principalId: string): Promise<Principal | undefined> {
    const item = await this.get(keys.principal(principalId));
    return item === undefined ? undefined : toPrincipal(item);
  }

  async recordOutcome(input: Parameters<IdentityStore['recordOutcome']>[0]): Promise<OutcomeRecording> {
    const { session, status, occurredAt } = input;
    const sessionKey = keys.nafathSession(session.sessionId);
    const writes: NamedTransactItem[] = [
      {
        name: 'callbackMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.nafathCallback(input.callbackId),
              entityType: ENTITY_TYPES.nafathCallback,
              sessionId: session.sessionId,
              status,
              expiresAtEpochSeconds: epochSeconds(session.expiresAt) + SESSION_RECORD_RETENTION_SECONDS,
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      {
        name: 'sessionMustBeWaiting',
        item: {
          Update: {
            TableName: this.tableName,
            Key: sessionKey,
            UpdateExpression: 'SET #status = :status, decidedAt = :decidedAt REMOVE nationalIdCiphertext',
            ConditionExpression: '#status = :waiting',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status, ':decidedAt': occurredAt.toISOString(), ':waiting': 'WAITING' },
          },
        },
      },
    ];
    if (status === 'COMPLETED' && input.audit !== undefined && input.event !== undefined) {
      writes.push(...this.principalVerificationWrites(input.session, input.existingPrincipal, input.audit, occurredAt));
      writes.push({
        name: 'eventMustBeNew',
        item: { Put: { TableName: this.tableName, Item: buildOutboxItem(IDENTITY_EVENTS.customerIdentityVerified, input.event), ConditionExpression: CONDITIONS.itemMustNotExist } },
      });
    }
    try {
      await writeTransaction(this.documentClient, writes);
      return 'recorded';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('callbackMustBeNew')) return 'callback-replayed';
      if (error.failed('sessionMustBeWaiting')) return 'session-not-waiting';
      if (error.failed('nationalIdMustBeUnclaimed') || error.failed('principalMustBeNew') || error.failed('principalAuditHeadUnchanged')) {
        return 'principal-created-concurrently';
      }
      throw error;
    }
  }

  private principalVerificationWrites(
    session: NafathSession,
    existing: Principal | undefined,
    audit: AuditEntryContent,
    verifiedAt: Date,
  ): NamedTransactItem[] {
    const principalKey = keys.principal(session.principalId);
    if (existing !== undefined) {
      return appendAuditToExistingAggregate(this.tableName, principalKey, existing.auditHead, audit, {
        set: ['identityVerifiedAt = :verifiedAt'],
        values: { ':verifiedAt': verifiedAt.toISOString() },
      }).map((item, index) => ({ name: index === 0 ? 'auditEntryMustBeNew' : 'principalAuditHeadUnchanged', item }));
    }
    if (session.nationalIdCiphertext === undefined) throw new Error('A new principal needs the encrypted national ID');
    return this.newPrincipalWrites(
      {
        principalId: session.principalId,
        roles: ['customer'],
        nationalIdKind: session.nationalIdKind,
        nationalIdCiphertext: session.nationalIdCiphertext,
        nationalIdBlindIndex: session.nationalIdBlindIndex,
      },
      audit,
      { identityVerifiedAt: verifiedAt.toISOString() },
    );
  }

  /** A new principal with its national-ID uniqueness guard and the first entry of its audit chain. */
  private newPrincipalWrites(
    principal: Omit<Principal, 'auditHead' | 'identityVerifiedAt'>,
    audit: AuditEntryContent,
    extraAttributes: Record<string, string> = {},
  ): NamedTransactItem[] {
    const principalKey = keys.principal(principal.principalId);
    const first = firstAuditEntry(this.tableName, principalKey, audit);
    return [
      {
        name: 'nationalIdMustBeUnclaimed',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.nationalIdGuard(principal.nationalIdBlindIndex), entityType: ENTITY_TYPES.nationalIdGuard, principalId: principal.principalId },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      {
        name: 'principalMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...principalKey,
              entityType: ENTITY_TYPES.principal,
              principalId: principal.principalId,
              roles: new Set(principal.roles),
              nationalIdKind: principal.nationalIdKind,
              nationalIdCiphertext: principal.nationalIdCiphertext,
              nationalIdBlindIndex: principal.nationalIdBlindIndex,
              createdAt: audit.occurredAt,
              ...extraAttributes,
              ...first.headAttributes,
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      { name: 'auditEntryMustBeNew', item: first.put },
    ];
  }

  async issueTokensOnce(sessionId: string, family: RefreshTokenFamily, issuedAt: Date): Promise<boolean> {
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'tokensNotYetIssued',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.nafathSession(sessionId),
              UpdateExpression: 'SET tokensIssuedAt = :now',
              ConditionExpression: '#status = :completed AND attribute_not_exists(tokensIssuedAt)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':now': issuedAt.toISOString(), ':completed': 'COMPLETED' },
            },
          },
        },
        { name: 'familyMustBeNew', item: { Put: { TableName: this.tableName, Item: familyItem(family), ConditionExpression: CONDITIONS.itemMustNotExist } } },
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('tokensNotYetIssued')) return false;
      throw error;
    }
  }

  findRefreshFamily(familyId: string): Promise<RefreshTokenFamily | undefined> {
    return this.families.find(familyId);
  }

  rotateRefreshFamily(family: RefreshTokenFamily, nextSecretHash: string): Promise<boolean> {
    return this.families.rotate(family, nextSecretHash);
  }

  revokeRefreshFamily(familyId: string, at: Date): Promise<void> {
    return this.families.revoke(familyId, at);
  }

  async grantRole(input: { principal: Principal; role: Role; audit: AuditEntryContent }): Promise<void> {
    const writes = appendAuditToExistingAggregate(this.tableName, keys.principal(input.principal.principalId), input.principal.auditHead, input.audit);
    const headUpdate = writes[1]?.Update;
    if (headUpdate === undefined) throw new Error('Audit append must update the aggregate');
    const roleUpdate = {
      ...headUpdate,
      UpdateExpression: `${headUpdate.UpdateExpression} ADD #roles :role`,
      ExpressionAttributeNames: { ...headUpdate.ExpressionAttributeNames, '#roles': 'roles' },
      ExpressionAttributeValues: { ...headUpdate.ExpressionAttributeValues, ':role': new Set([input.role]) },
    };
    await writeTransaction(this.documentClient, [
      { name: 'auditEntryMustBeNew', item: writes[0]! },
      { name: 'principalAuditHeadUnchanged', item: { Update: roleUpdate } },
    ]);
  }

  async createPrincipal(principal: Omit<Principal, 'auditHead' | 'identityVerifiedAt'>, audit: AuditEntryContent): Promise<boolean> {
    try {
      await writeTransaction(this.documentClient, this.newPrincipalWrites(principal, audit));
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('nationalIdMustBeUnclaimed')) return false;
      throw error;
    }
  }
}

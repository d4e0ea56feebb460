/**
 * Contractors, their guards, memberships and decisions. Every change of a contractor advances its audit chain
 * conditionally on the head it read, and names its status condition, so concurrent changes fail instead of
 * overwriting one another, and retried deliveries change nothing twice.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { identityKeys } from '../../identity/index.ts';
import { isConditionalCheckFailed } from '../../kernel/storage/conditions.ts';
import { appendAuditToExistingAggregate, auditHeadOf, firstAuditEntry, type AuditEntryContent } from '../../audit/index.ts';
import { idempotencyKeyInUse, type IdempotencyScope } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyKeyOf, idempotencyRecordPut, toIdempotencyRecord } from '../../kernel/idempotency/idempotency-store.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import type { ContractorStore, ContractorWithAudit } from '../app/ports.ts';
import type { Contractor, ContractorDecision, ContractorDecisionKind, ContractorMembership, ContractorStatus, MemberRole } from '../domain/contractor.ts';
import type { IbanChange, IbanChangeDecision } from '../domain/iban-change.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

const optionalDate = (value: unknown): Date | undefined => (value === undefined ? undefined : new Date(String(value)));

function toContractor(item: Record<string, unknown>): Contractor {
  return {
    contractorId: String(item.contractorId),
    status: item.status as ContractorStatus,
    legalName: item.legalName as Contractor['legalName'],
    unifiedNumber: String(item.unifiedNumber),
    vatNumber: String(item.vatNumber),
    ibanCiphertext: String(item.ibanCiphertext),
    maskedIban: String(item.maskedIban),
    certificateNumber: String(item.certificateNumber),
    cityIds: item.cityIds as string[],
    businessPhone: String(item.businessPhone),
    businessEmail: String(item.businessEmail),
    administratorPrincipalId: String(item.administratorPrincipalId),
    appliedAt: new Date(String(item.appliedAt)),
    verifiedAt: optionalDate(item.verifiedAt),
    statusReason: item.statusReason === undefined ? undefined : String(item.statusReason),
    // Cleared by setting it empty: the audited update can only SET.
    pendingIbanChangeId: item.pendingIbanChangeId === undefined || item.pendingIbanChangeId === '' ? undefined : String(item.pendingIbanChangeId),
  };
}

function toIbanChange(item: Record<string, unknown>): IbanChange {
  const proposal = item.proposal as Record<string, unknown> | undefined;
  return {
    changeId: String(item.changeId),
    contractorId: String(item.contractorId),
    ibanCiphertext: String(item.ibanCiphertext),
    maskedIban: String(item.maskedIban),
    requestedBy: String(item.requestedBy),
    requestedAt: new Date(String(item.requestedAt)),
    status: item.status as IbanChange['status'],
    ...(proposal === undefined
      ? {}
      : { proposal: { decision: proposal.decision as IbanChangeDecision, reason: String(proposal.reason), proposedBy: String(proposal.proposedBy), proposedAt: new Date(String(proposal.proposedAt)) } }),
    ...(item.confirmedBy === undefined ? {} : { confirmedBy: String(item.confirmedBy), confirmedAt: new Date(String(item.confirmedAt)) }),
  };
}

const ibanChangeItem = (change: IbanChange): Record<string, unknown> => ({
  ...keys.contractorIbanChange(change.contractorId, change.changeId),
  entityType: ENTITY_TYPES.contractorIbanChange,
  changeId: change.changeId,
  contractorId: change.contractorId,
  ibanCiphertext: change.ibanCiphertext,
  maskedIban: change.maskedIban,
  requestedBy: change.requestedBy,
  requestedAt: change.requestedAt.toISOString(),
  status: change.status,
  ...(change.proposal === undefined ? {} : { proposal: { ...change.proposal, proposedAt: change.proposal.proposedAt.toISOString() } }),
  ...(change.confirmedBy === undefined ? {} : { confirmedBy: change.confirmedBy, confirmedAt: change.confirmedAt?.toISOString() }),
});

function toMembership(item: Record<string, unknown>): ContractorMembership {
  return { principalId: String(item.principalId), contractorId: String(item.contractorId), memberRole: item.memberRole as MemberRole };
}

function toDecision(item: Record<string, unknown>): ContractorDecision {
  return {
    decisionId: String(item.decisionId),
    contractorId: String(item.contractorId),
    decision: item.decision as ContractorDecisionKind,
    reason: String(item.reason),
    proposedBy: String(item.proposedBy),
    proposedAt: new Date(String(item.proposedAt)),
    status: item.status as ContractorDecision['status'],
    confirmedBy: item.confirmedBy === undefined ? undefined : String(item.confirmedBy),
    confirmedAt: optionalDate(item.confirmedAt),
  };
}

const statusIn = (statuses: readonly ContractorStatus[]): { condition: string; values: Record<string, string> } => ({
  condition: `#status IN (${statuses.map((_, index) => `:allowedStatus${index}`).join(', ')})`,
  values: Object.fromEntries(statuses.map((status, index) => [`:allowedStatus${index}`, status])),
});

export class DynamoDbContractorStore implements ContractorStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async loadForApplication(principalId: string, scope: IdempotencyScope) {
    const membershipKey = keys.contractorMembership(principalId);
    const idempotencyKey = idempotencyKeyOf(scope);
    const items = await batchGetItems(this.documentClient, this.tableName, [membershipKey, idempotencyKey]);
    const membership = items.get(membershipKey);
    return { membership: membership === undefined ? undefined : toMembership(membership), idempotency: toIdempotencyRecord(items.get(idempotencyKey)) };
  }

  async createContractor(input: Parameters<ContractorStore['createContractor']>[0]): Promise<'created' | 'already-registered' | 'already-member'> {
    const { contractor } = input;
    const contractorKey = keys.contractor(contractor.contractorId);
    const audit = firstAuditEntry(this.tableName, contractorKey, input.audit);
    const guard = (name: string, key: { PK: string; SK: string }, entityType: string): NamedTransactItem => ({
      name,
      item: { Put: { TableName: this.tableName, Item: { ...key, entityType, contractorId: contractor.contractorId }, ConditionExpression: CONDITIONS.itemMustNotExist } },
    });
    const writes: NamedTransactItem[] = [
      {
        name: 'contractorMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...contractorKey,
              entityType: ENTITY_TYPES.contractor,
              ...contractor,
              cityIds: [...contractor.cityIds],
              appliedAt: contractor.appliedAt.toISOString(),
              ...audit.headAttributes,
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      { name: 'auditEntryMustBeNew', item: audit.put },
      guard('vatNumberNotRegistered', keys.contractorVatGuard(contractor.vatNumber), ENTITY_TYPES.contractorVatGuard),
      guard('unifiedNumberNotRegistered', keys.contractorUnifiedNumberGuard(contractor.unifiedNumber), ENTITY_TYPES.contractorUnifiedNumberGuard),
      {
        name: 'applicantNotYetAMember',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.contractorMembership(contractor.administratorPrincipalId), entityType: ENTITY_TYPES.contractorMembership, principalId: contractor.administratorPrincipalId, contractorId: contractor.contractorId, memberRole: 'ADMINISTRATOR' },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      ...outboxPuts(this.tableName, [input.event]),
      { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, input.idempotency.scope, input.idempotency.response, contractor.appliedAt) },
    ];
    try {
      await writeTransaction(this.documentClient, writes);
      return 'created';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('vatNumberNotRegistered') || error.failed('unifiedNumberNotRegistered')) return 'already-registered';
      if (error.failed('applicantNotYetAMember')) return 'already-member';
      throw error;
    }
  }

  async findContractor(contractorId: string): Promise<ContractorWithAudit | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.contractor(contractorId), ConsistentRead: true }));
    return Item === undefined ? undefined : { contractor: toContractor(Item), auditHead: auditHeadOf(Item) };
  }

  async findMembership(principalId: string): Promise<ContractorMembership | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.contractorMembership(principalId), ConsistentRead: true }));
    return Item === undefined ? undefined : toMembership(Item);
  }

  async inviteMember(invite: Parameters<ContractorStore['inviteMember']>[0]): Promise<'invited' | 'already-invited'> {
    try {
      await this.documentClient.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.contractorMemberInvite(invite.nationalIdBlindIndex),
            entityType: ENTITY_TYPES.contractorMemberInvite,
            contractorId: invite.contractorId,
            nationalIdCiphertext: invite.nationalIdCiphertext,
            invitedBy: invite.invitedBy,
            invitedAt: invite.invitedAt.toISOString(),
          },
          ConditionExpression: CONDITIONS.itemMustNotExist,
        }),
      );
      return 'invited';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'already-invited';
      throw error;
    }
  }

  async activateInvitedMember(principalId: string, activatedAt: Date): Promise<ContractorMembership | undefined> {
    const { Item: principal } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: identityKeys.principal(principalId), ProjectionExpression: 'nationalIdBlindIndex' }));
    const blindIndex = principal?.nationalIdBlindIndex;
    if (typeof blindIndex !== 'string') return undefined;
    const inviteKey = keys.contractorMemberInvite(blindIndex);
    const { Item: invite } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: inviteKey, ConsistentRead: true }));
    if (invite === undefined) return undefined;
    const membership: ContractorMembership = { principalId, contractorId: String(invite.contractorId), memberRole: 'MEMBER' };
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'personNotYetAMember',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.contractorMembership(principalId), entityType: ENTITY_TYPES.contractorMembership, ...membership, activatedAt: activatedAt.toISOString(), invitedBy: invite.invitedBy },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        { name: 'inviteStillOpen', item: { Delete: { TableName: this.tableName, Key: inviteKey, ConditionExpression: CONDITIONS.itemMustExist } } },
      ]);
      return membership;
    } catch (error) {
      // A concurrent first request activated it: read what it wrote.
      if (error instanceof TransactionConditionFailed) return this.findMembership(principalId);
      throw error;
    }
  }

  async findDecision(contractorId: string, decisionId: string): Promise<ContractorDecision | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.contractorDecision(contractorId, decisionId), ConsistentRead: true }));
    return Item === undefined ? undefined : toDecision(Item);
  }

  async changeStatus(input: Parameters<ContractorStore['changeStatus']>[0]): Promise<boolean> {
    const allowed = statusIn(input.from);
    const set = ['#status = :newStatus'];
    const values: Record<string, unknown> = { ...allowed.values, ':newStatus': input.to };
    if (input.set?.verifiedAt !== undefined) {
      set.push('verifiedAt = :verifiedAt');
      values[':verifiedAt'] = input.set.verifiedAt.toISOString();
    }
    if (input.set?.statusReason !== undefined) {
      set.push('statusReason = :statusReason');
      values[':statusReason'] = input.set.statusReason;
    }
    return this.commitStatusChange(input.current, input.audit, { set, values, condition: allowed.condition }, input.events, []);
  }

  async proposeDecision(input: Parameters<ContractorStore['proposeDecision']>[0]): Promise<'proposed' | 'already-pending' | 'status-changed' | 'concurrent-update'> {
    const { decision } = input;
    const allowed = statusIn(input.allowedFrom);
    const writes: NamedTransactItem[] = [
      ...this.auditedUpdate(input.current, input.audit, { set: [], values: allowed.values, condition: allowed.condition }),
      {
        name: 'noDecisionPending',
        item: { Put: { TableName: this.tableName, Item: { ...keys.contractorPendingDecision(decision.contractorId), entityType: ENTITY_TYPES.contractorPendingDecision, decisionId: decision.decisionId }, ConditionExpression: CONDITIONS.itemMustNotExist } },
      },
      {
        name: 'decisionMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.contractorDecision(decision.contractorId, decision.decisionId), entityType: ENTITY_TYPES.contractorDecision, ...decision, proposedAt: decision.proposedAt.toISOString() },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
    ];
    try {
      await writeTransaction(this.documentClient, writes);
      return 'proposed';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('noDecisionPending')) return 'already-pending';
      if (error.failed('contractorUnchangedSinceRead') || error.failed('auditEntryMustBeNew')) {
        // Someone changed the contractor since it was read: a status the decision no longer fits is the answer, else retry.
        const now = await this.findContractor(decision.contractorId);
        return now !== undefined && !input.allowedFrom.includes(now.contractor.status) ? 'status-changed' : 'concurrent-update';
      }
      throw error;
    }
  }

  async confirmDecision(input: Parameters<ContractorStore['confirmDecision']>[0]): Promise<'confirmed' | 'not-pending' | 'concurrent-update'> {
    const { decision } = input;
    const allowed = statusIn([input.current.contractor.status]);
    const decisionUpdate: NamedTransactItem = {
      name: 'decisionStillPending',
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.contractorDecision(decision.contractorId, decision.decisionId),
          UpdateExpression: 'SET #status = :confirmed, confirmedBy = :confirmedBy, confirmedAt = :confirmedAt',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'CONFIRMED', ':pending': 'PENDING_CONFIRMATION', ':confirmedBy': decision.confirmedBy, ':confirmedAt': decision.confirmedAt!.toISOString() },
        },
      },
    };
    const releasePending: NamedTransactItem = {
      name: 'pendingGuardNamesDecision',
      item: { Delete: { TableName: this.tableName, Key: keys.contractorPendingDecision(decision.contractorId), ConditionExpression: 'decisionId = :decisionId', ExpressionAttributeValues: { ':decisionId': decision.decisionId } } },
    };
    const set = ['#status = :newStatus'];
    try {
      await writeTransaction(this.documentClient, [
        ...this.auditedUpdate(input.current, input.audit, { set, values: { ...allowed.values, ':newStatus': input.newStatus }, condition: allowed.condition }),
        decisionUpdate,
        releasePending,
        ...outboxPuts(this.tableName, input.events),
      ]);
      return 'confirmed';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('decisionStillPending') || error.failed('pendingGuardNamesDecision')) return 'not-pending';
      if (error.failed('contractorUnchangedSinceRead') || error.failed('auditEntryMustBeNew')) return 'concurrent-update';
      throw error;
    }
  }

  private async commitStatusChange(
    current: ContractorWithAudit,
    audit: AuditEntryContent,
    update: { set: string[]; values: Record<string, unknown>; condition: string },
    events: readonly OutboundEvent[],
    extra: NamedTransactItem[],
  ): Promise<boolean> {
    try {
      await writeTransaction(this.documentClient, [...this.auditedUpdate(current, audit, update), ...extra, ...outboxPuts(this.tableName, events)]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && (error.failed('contractorUnchangedSinceRead') || error.failed('auditEntryMustBeNew'))) return false;
      throw error;
    }
  }

  async findIbanChange(contractorId: string, changeId: string): Promise<IbanChange | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.contractorIbanChange(contractorId, changeId), ConsistentRead: true }));
    return Item === undefined ? undefined : toIbanChange(Item);
  }

  /** The change and the payout hold on the contractor, with its audit entry; 'already-pending' when one waits. */
  async requestIbanChange(input: Parameters<ContractorStore['requestIbanChange']>[0]): Promise<'requested' | 'already-pending'> {
    const { change } = input;
    try {
      await writeTransaction(this.documentClient, [
        ...this.auditedUpdate(input.current, input.audit, {
          set: ['pendingIbanChangeId = :changeId'],
          values: { ':changeId': change.changeId, ':none': '' },
          condition: 'attribute_exists(#status) AND (attribute_not_exists(pendingIbanChangeId) OR pendingIbanChangeId = :none)',
        }),
        { name: 'ibanChangeMustBeNew', item: { Put: { TableName: this.tableName, Item: ibanChangeItem(change), ConditionExpression: CONDITIONS.itemMustNotExist } } },
      ]);
      return 'requested';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      // The hold's condition, or the audit head read, changed: another change was requested first.
      if (error.failed('contractorUnchangedSinceRead') || error.failed('auditEntryMustBeNew')) return 'already-pending';
      throw error;
    }
  }

  /** A staff step of the change: its new state from the one read, audited; with `apply`, the IBAN replaced and the hold lifted. */
  async decideIbanChange(input: Parameters<ContractorStore['decideIbanChange']>[0]): Promise<'decided' | 'not-pending'> {
    const { after } = input;
    const contractorUpdate =
      input.outcome === 'approved'
        ? { set: ['ibanCiphertext = :iban', 'maskedIban = :mask', 'pendingIbanChangeId = :none'], values: { ':iban': after.ibanCiphertext, ':mask': after.maskedIban, ':none': '', ':changeId': after.changeId } }
        : input.outcome === 'rejected'
          ? { set: ['pendingIbanChangeId = :none'], values: { ':none': '', ':changeId': after.changeId } }
          : { set: [], values: { ':changeId': after.changeId } };
    try {
      await writeTransaction(this.documentClient, [
        ...this.auditedUpdate(input.current, input.audit, { ...contractorUpdate, condition: 'attribute_exists(#status) AND pendingIbanChangeId = :changeId' }),
        {
          name: 'ibanChangeUnchangedSinceRead',
          item: {
            Put: {
              TableName: this.tableName,
              Item: ibanChangeItem(after),
              ConditionExpression: '#status = :expectedStatus',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':expectedStatus': input.before.status },
            },
          },
        },
        ...outboxPuts(this.tableName, input.events),
      ]);
      return 'decided';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('ibanChangeUnchangedSinceRead') || error.failed('contractorUnchangedSinceRead')) return 'not-pending';
      throw error;
    }
  }

  /** The contractor's audit entry and its conditional update: the audit head it was read at, and the status condition. */
  private auditedUpdate(current: ContractorWithAudit, audit: AuditEntryContent, update: { set: string[]; values: Record<string, unknown>; condition: string }): NamedTransactItem[] {
    const [entryPut, headUpdate] = appendAuditToExistingAggregate(this.tableName, keys.contractor(current.contractor.contractorId), current.auditHead, audit, {
      set: update.set,
      values: update.values,
      names: { '#status': 'status' },
      condition: update.condition,
    });
    return [
      { name: 'auditEntryMustBeNew', item: entryPut! },
      { name: 'contractorUnchangedSinceRead', item: headUpdate! },
    ];
  }
}

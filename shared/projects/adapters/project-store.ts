/**
 * Projects, their decisions and disbursements, and contractors' payables. Every money movement commits with its
 * journal, its audit entry and its events in one transaction, conditional on what was read.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEntryPut, chainAuditEntry } from '../../audit/index.ts';
import { contractorKeys } from '../../contractors/index.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { idempotencyKeyInUse, type IdempotencyScope } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyKeyOf, idempotencyRecordPut, toIdempotencyRecord } from '../../kernel/idempotency/idempotency-store.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { itemsBelow } from '../../kernel/storage/index-query.ts';
import { INDEXES, ownerPartition } from '../../kernel/storage/table.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { queryJournals } from '../../ledger/index.ts';
import { lendingKeys, planCancellationWrites, planFinancingReductionWrites, planJournalWrites, planUpdate, toPlan, type Plan } from '../../lending/index.ts';
import type { ContractorAccount, ContractorMembership, ContractorMoneyMovement, ProjectChange, ProjectPage, ProjectStore } from '../app/ports.ts';
import type { Disbursement } from '../domain/disbursement.ts';
import type { MilestoneDecision } from '../domain/milestone-decision.ts';
import type { Project } from '../domain/project.ts';
import { ENTITY_TYPES, keys } from './keys.ts';
import { contractorJournalWrites, contractorPayableChange, disbursementPut, disbursementUpdate, projectUpdate, toDisbursement, toProject } from './project-items.ts';

/** What a disbursement item holds, for a projected batch read beside another context's item. */
const DISBURSEMENT_ATTRIBUTES = [
  'disbursementId',
  'projectId',
  'contractorId',
  'milestone',
  'sequence',
  'amountHalalas',
  'status',
  'requestedAt',
  'sentAt',
  'settledAt',
  'failedAt',
  'returnedAt',
  'failureReason',
  'providerTransferId',
  'heldForIbanChangeAt',
];

/** A project has at most 2 × TRANSFERS_PER_MILESTONE_MAX disbursements, so one query page reads them all. */
const DISBURSEMENTS_PER_PROJECT_MAX = 40;

function toMembership(item: Record<string, unknown> | undefined): ContractorMembership | undefined {
  return item === undefined ? undefined : { contractorId: String(item.contractorId), memberRole: item.memberRole as ContractorMembership['memberRole'] };
}

function toDecision(item: Record<string, unknown>): MilestoneDecision {
  return {
    decisionId: String(item.decisionId),
    projectId: String(item.projectId),
    milestone: item.milestone as MilestoneDecision['milestone'],
    decision: item.decision as MilestoneDecision['decision'],
    reason: String(item.reason),
    proposedBy: String(item.proposedBy),
    proposedAt: new Date(String(item.proposedAt)),
    status: item.status as MilestoneDecision['status'],
    ...(item.confirmedBy === undefined ? {} : { confirmedBy: String(item.confirmedBy), confirmedAt: new Date(String(item.confirmedAt)) }),
  };
}

const cursorOf = (lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined =>
  lastEvaluatedKey === undefined ? undefined : Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url');

/** A cursor is ours only if it decodes to a key inside the partition being listed; anything else is a 400. */
function startKeyOf(cursor: string | undefined, expected: Record<string, string>, sortPrefix: { name: string; prefix: string }): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const key = decoded as Record<string, unknown> | undefined;
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.entries(expected).every(([name, value]) => key[name] === value) &&
    typeof key[sortPrefix.name] === 'string' &&
    String(key[sortPrefix.name]).startsWith(sortPrefix.prefix) &&
    Object.values(key).every((value) => typeof value === 'string' && value.length <= 200);
  if (!valid) throw kernelError('VALIDATION_FAILED', { details: [{ field: 'query.cursor', issue: 'not a cursor from this list' }] });
  return key;
}

export class DynamoDbProjectStore implements ProjectStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findProject(projectId: string): Promise<Project | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.project(projectId), ConsistentRead: true }));
    return Item === undefined ? undefined : toProject(Item);
  }

  async loadForAccess(projectId: string, principalId: string) {
    const { project, membership } = await this.loadForUpdate(projectId, principalId, undefined);
    return { project, membership };
  }

  async loadForUpdate(projectId: string, principalId: string, scope: IdempotencyScope | undefined) {
    const projectKey = keys.project(projectId);
    const membershipKey = contractorKeys.contractorMembership(principalId);
    const idempotencyKey = scope === undefined ? undefined : idempotencyKeyOf(scope);
    const items = await batchGetItems(this.documentClient, this.tableName, [projectKey, membershipKey, ...(idempotencyKey === undefined ? [] : [idempotencyKey])]);
    const project = items.get(projectKey);
    return {
      project: project === undefined ? undefined : toProject(project),
      membership: toMembership(items.get(membershipKey)),
      idempotency: idempotencyKey === undefined ? undefined : toIdempotencyRecord(items.get(idempotencyKey)),
    };
  }

  async findMembership(principalId: string): Promise<ContractorMembership | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: contractorKeys.contractorMembership(principalId), ConsistentRead: true }));
    return toMembership(Item);
  }

  async listCustomerProjects(customerId: string, limit: number, cursor: string | undefined): Promise<ProjectPage> {
    const owner = ownerPartition(customerId);
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byOwner.indexName,
        KeyConditionExpression: '#owner = :owner AND begins_with(#kind, :projects)',
        ExpressionAttributeNames: { '#owner': INDEXES.byOwner.partitionKey, '#kind': INDEXES.byOwner.sortKey },
        ExpressionAttributeValues: { ':owner': owner, ':projects': keys.ownedProjectPrefix },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: startKeyOf(cursor, { [INDEXES.byOwner.partitionKey]: owner }, { name: INDEXES.byOwner.sortKey, prefix: keys.ownedProjectPrefix }),
      }),
    );
    return { projects: Items.map(toProject), nextCursor: cursorOf(LastEvaluatedKey) };
  }

  /** The contractor's links, newest first, then their projects in one batch read (a page holds at most 10). */
  async listContractorProjects(contractorId: string, limit: number, cursor: string | undefined): Promise<ProjectPage> {
    const partition = keys.contractorAccountPartition(contractorId);
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :partition AND begins_with(SK, :links)',
        ExpressionAttributeValues: { ':partition': partition, ':links': keys.contractorProjectLinkPrefix },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: startKeyOf(cursor, { PK: partition }, { name: 'SK', prefix: keys.contractorProjectLinkPrefix }),
      }),
    );
    const projectKeys = Items.map((item) => keys.project(String(item.projectId)));
    if (projectKeys.length === 0) return { projects: [], nextCursor: cursorOf(LastEvaluatedKey) };
    const projects = await batchGetItems(this.documentClient, this.tableName, projectKeys);
    return { projects: projectKeys.flatMap((key) => { const item = projects.get(key); return item === undefined ? [] : [toProject(item)]; }), nextCursor: cursorOf(LastEvaluatedKey) };
  }

  private changeWrites(change: ProjectChange): NamedTransactItem[] {
    return [
      ...projectUpdate(this.tableName, change.before, change.after, change.audit),
      ...outboxPuts(this.tableName, change.events),
      ...(change.idempotency === undefined
        ? []
        : [{ name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, change.idempotency.scope, change.idempotency.response, new Date(change.audit.occurredAt)) }]),
    ];
  }

  private async commit(writes: readonly NamedTransactItem[]): Promise<void> {
    try {
      await writeTransaction(this.documentClient, writes);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
    }
  }

  commitProjectChange(change: ProjectChange): Promise<void> {
    return this.commit(this.changeWrites(change));
  }

  commitInstallationAddress(change: ProjectChange & { readonly addressCiphertext: string }): Promise<void> {
    return this.commit([
      ...this.changeWrites(change),
      {
        name: 'installationAddressPut',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.installationAddress(change.before.projectId), entityType: ENTITY_TYPES.installationAddress, projectId: change.before.projectId, addressCiphertext: change.addressCiphertext },
          },
        },
      },
    ]);
  }

  async findInstallationAddressCiphertext(projectId: string): Promise<string | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.installationAddress(projectId), ConsistentRead: true }));
    return Item === undefined ? undefined : String(Item.addressCiphertext);
  }

  commitCancellation(change: Parameters<ProjectStore['commitCancellation']>[0]): Promise<void> {
    return this.commit([
      ...this.changeWrites(change),
      ...planCancellationWrites(this.tableName, { plan: change.planBefore, cancelled: change.planAfter, journal: change.planJournal, audit: change.planAudit }),
    ]);
  }

  async findPlanOpeningJournalId(planId: string): Promise<string | undefined> {
    const [opening] = await queryJournals(this.documentClient, this.tableName, lendingKeys.planLedger(planId), 1);
    return opening?.journalId;
  }

  commitNoticeToProceed(change: ProjectChange & { readonly planBefore: Plan; readonly planAfter: Plan; readonly planAudit: Parameters<typeof planUpdate>[3] }): Promise<void> {
    return this.commit([...this.changeWrites(change), ...planUpdate(this.tableName, change.planBefore, change.planAfter, change.planAudit)]);
  }

  async findPlan(planId: string): Promise<Plan | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: lendingKeys.plan(planId), ConsistentRead: true }));
    return Item === undefined ? undefined : toPlan(Item);
  }

  async *listProjectsDueNoticeToProceed(now: Date, pageSize: number): AsyncIterable<Project> {
    for await (const item of itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, keys.noticeToProceedPartitions(), now.toISOString(), pageSize)) {
      yield toProject(item);
    }
  }

  async *listProjectsPastStageDeadline(now: Date, pageSize: number): AsyncIterable<Project> {
    for await (const item of itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, keys.stallPartitions(), now.toISOString(), pageSize)) {
      yield toProject(item);
    }
  }

  async *listProjectsPastDownPaymentWindow(now: Date, pageSize: number): AsyncIterable<Project> {
    for await (const item of itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, keys.downPaymentPartitions(), now.toISOString(), pageSize)) {
      yield toProject(item);
    }
  }

  async *listProjectsPastConfirmationDeadline(now: Date, pageSize: number): AsyncIterable<Project> {
    for await (const item of itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, keys.confirmationPartitions(), now.toISOString(), pageSize)) {
      yield toProject(item);
    }
  }

  async proposeDecision(proposal: { readonly project: Project; readonly decision: MilestoneDecision; readonly audit: Parameters<typeof chainAuditEntry>[1] }): Promise<'proposed' | 'already-pending'> {
    const { project, decision } = proposal;
    const entry = chainAuditEntry(project.auditHead, proposal.audit);
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'noDecisionPending',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.pendingMilestoneDecision(project.projectId), entityType: ENTITY_TYPES.pendingMilestoneDecision, decisionId: decision.decisionId },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        {
          name: 'decisionMustBeNew',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.milestoneDecision(project.projectId, decision.decisionId), entityType: ENTITY_TYPES.milestoneDecision, ...decision, proposedAt: decision.proposedAt.toISOString() },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        { name: 'projectAuditEntryMustBeNew', item: auditEntryPut(this.tableName, keys.project(project.projectId), entry) },
        {
          name: 'projectUnchangedSinceRead',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.project(project.projectId),
              UpdateExpression: 'SET auditHeadHash = :hash, auditSequence = :sequence, version = :next',
              ConditionExpression: 'version = :expected AND #status = :status',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':hash': entry.hash, ':sequence': entry.sequence, ':next': project.version + 1, ':expected': project.version, ':status': project.status },
            },
          },
        },
      ]);
      return 'proposed';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('noDecisionPending')) return 'already-pending';
      throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
    }
  }

  async findDecision(projectId: string, decisionId: string): Promise<MilestoneDecision | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.milestoneDecision(projectId, decisionId), ConsistentRead: true }));
    return Item === undefined ? undefined : toDecision(Item);
  }

  async loadForDecision(projectId: string, decisionId: string) {
    const projectKey = keys.project(projectId);
    const decisionKey = keys.milestoneDecision(projectId, decisionId);
    // A project shares its plan's id (docs/decisions/0024): an early ending changes both.
    const planKey = lendingKeys.plan(projectId);
    const items = await batchGetItems(this.documentClient, this.tableName, [projectKey, decisionKey, planKey]);
    const project = items.get(projectKey);
    const decision = items.get(decisionKey);
    const plan = items.get(planKey);
    return {
      project: project === undefined ? undefined : toProject(project),
      decision: decision === undefined ? undefined : toDecision(decision),
      plan: plan === undefined ? undefined : toPlan(plan),
    };
  }

  async loadForInstruction(projectId: string, disbursementId: string, contractorId: string) {
    const disbursementKey = keys.disbursement(projectId, disbursementId);
    const contractorKey = contractorKeys.contractor(contractorId);
    // Of the contractor, only the IBAN's ciphertext is read.
    const items = await batchGetItems(this.documentClient, this.tableName, [disbursementKey, contractorKey], ['ibanCiphertext', 'pendingIbanChangeId', ...DISBURSEMENT_ATTRIBUTES]);
    const disbursement = items.get(disbursementKey);
    const contractor = items.get(contractorKey);
    return {
      disbursement: disbursement === undefined ? undefined : toDisbursement(disbursement),
      ibanCiphertext: contractor?.ibanCiphertext === undefined ? undefined : String(contractor.ibanCiphertext),
      // A change of the IBAN waiting for its four-eyes decision holds the payouts (the contractors context clears it empty).
      payoutsHeld: typeof contractor?.pendingIbanChangeId === 'string' && contractor.pendingIbanChangeId !== '',
    };
  }

  async *listHeldDisbursements(contractorId: string, pageSize: number): AsyncIterable<Disbursement> {
    // Every disbursement id sorts below '~'.
    for await (const item of itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, [keys.heldPayoutsPartition(contractorId)], '~', pageSize)) {
      yield toDisbursement(item);
    }
  }

  private moneyWrites(money: ContractorMoneyMovement | undefined, projectId: string): NamedTransactItem[] {
    if (money === undefined) return [];
    return [
      ...(money.journal === undefined ? [] : contractorJournalWrites(this.tableName, money.contractorId, money.journal, projectId)),
      contractorPayableChange(this.tableName, money.contractorId, money),
    ];
  }

  async confirmDecision(confirmation: Parameters<ProjectStore['confirmDecision']>[0]): Promise<'confirmed' | 'not-pending'> {
    const { change, decision } = confirmation;
    const projectId = change.before.projectId;
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'decisionStillPending',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.milestoneDecision(projectId, decision.decisionId),
              UpdateExpression: 'SET #status = :confirmed, confirmedBy = :by, confirmedAt = :at',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':confirmed': 'CONFIRMED', ':pending': 'PENDING_CONFIRMATION', ':by': decision.confirmedBy, ':at': decision.confirmedAt?.toISOString() },
            },
          },
        },
        {
          name: 'pendingDecisionIsThisOne',
          item: { Delete: { TableName: this.tableName, Key: keys.pendingMilestoneDecision(projectId), ConditionExpression: 'decisionId = :decisionId', ExpressionAttributeValues: { ':decisionId': decision.decisionId } } },
        },
        ...this.changeWrites(change),
        ...confirmation.disbursements.map((disbursement) => disbursementPut(this.tableName, disbursement)),
        ...this.moneyWrites(confirmation.money, projectId),
        ...(confirmation.plan === undefined ? [] : this.planReductionWrites(confirmation.plan)),
      ]);
      return 'confirmed';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('decisionStillPending') || error.failed('pendingDecisionIsThisOne')) return 'not-pending';
      throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
    }
  }

  private planReductionWrites(plan: NonNullable<Parameters<ProjectStore['confirmDecision']>[0]['plan']>): NamedTransactItem[] {
    if (plan.after !== undefined) return planFinancingReductionWrites(this.tableName, { plan: plan.before, reduced: plan.after, journal: plan.journal, audit: plan.audit });
    // A plan that owed nothing more does not change; it only records the journal, guarded by the version read.
    return [
      ...planUpdate(this.tableName, plan.before, plan.before, plan.audit),
      ...(plan.journal === undefined ? [] : planJournalWrites(this.tableName, plan.journal)),
    ];
  }

  async findDisbursement(projectId: string, disbursementId: string): Promise<Disbursement | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.disbursement(projectId, disbursementId), ConsistentRead: true }));
    return Item === undefined ? undefined : toDisbursement(Item);
  }

  async listDisbursements(projectId: string): Promise<readonly Disbursement[]> {
    const { Items = [] } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :partition AND begins_with(SK, :disbursements)',
        ExpressionAttributeValues: { ':partition': keys.project(projectId).PK, ':disbursements': keys.disbursementPrefix },
        Limit: DISBURSEMENTS_PER_PROJECT_MAX,
        ConsistentRead: true,
      }),
    );
    return Items.map(toDisbursement);
  }

  async loadForPayoutOutcome(projectId: string, disbursementId: string, providerEventId: string) {
    const projectKey = keys.project(projectId);
    const disbursementKey = keys.disbursement(projectId, disbursementId);
    const eventKey = keys.payoutEvent(providerEventId);
    const items = await batchGetItems(this.documentClient, this.tableName, [projectKey, disbursementKey, eventKey]);
    const project = items.get(projectKey);
    const disbursement = items.get(disbursementKey);
    return { project: project === undefined ? undefined : toProject(project), disbursement: disbursement === undefined ? undefined : toDisbursement(disbursement), eventSeen: items.get(eventKey) !== undefined };
  }

  async commitDisbursementChange(change: Parameters<ProjectStore['commitDisbursementChange']>[0]): Promise<'committed' | 'duplicate' | 'stale'> {
    const writes: NamedTransactItem[] = [
      ...(change.providerEventId === undefined
        ? []
        : [
            {
              name: 'payoutEventMustBeNew',
              item: {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.payoutEvent(change.providerEventId), entityType: ENTITY_TYPES.payoutEvent, disbursementId: change.before.disbursementId },
                  ConditionExpression: CONDITIONS.itemMustNotExist,
                },
              },
            },
          ]),
      disbursementUpdate(this.tableName, change.before, change.after),
      ...this.moneyWrites(change.money, change.before.projectId),
      ...(change.project === undefined ? [] : this.changeWrites(change.project)),
      ...outboxPuts(this.tableName, change.events),
    ];
    try {
      await writeTransaction(this.documentClient, writes);
      return 'committed';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('payoutEventMustBeNew')) return 'duplicate';
      if (error.failed('disbursementUnchangedSinceRead')) return 'stale';
      if (error.failed('contractorPayableCoversTransfer')) throw new Error(`The payable of contractor ${change.before.contractorId} does not cover disbursement ${change.before.disbursementId}`, { cause: error });
      throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
    }
  }

  async findContractorAccount(contractorId: string): Promise<ContractorAccount> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.contractorAccount(contractorId), ConsistentRead: true }));
    return { contractorId, payableHalalas: Number(Item?.payableHalalas ?? 0), approvedHalalas: Number(Item?.approvedHalalas ?? 0), paidHalalas: Number(Item?.paidHalalas ?? 0), receivableHalalas: Number(Item?.receivableHalalas ?? 0) };
  }

  listContractorJournals(contractorId: string, limit: number, afterJournalId: string | undefined) {
    return queryJournals(this.documentClient, this.tableName, keys.contractorLedger(contractorId), limit, afterJournalId);
  }
}

/**
 * Reconciliation items: money the gateway reported that matched no payable intent, held in suspense. Each item is an
 * aggregate with its own audit chain and its own suspense journal partition; its resolution commits with the plan's
 * items (plan-items.ts) in one transaction, so the money leaves suspense and reaches the plan together or not at all.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chainAuditEntry, type AuditEntryContent } from '../../audit/domain/audit-chain.ts';
import type { ReconciliationItem } from '../domain/reconciliation.ts';
import type { Plan } from '../../lending/app/plan-store.ts';
import type { ReconciliationStore, ResolutionApplication, StoredReconciliationItem, UnappliedCashReceipt } from '../app/reconciliation-store.ts';
import { auditEntryPut, auditHeadOf, firstAuditEntry } from '../../audit/adapters/audit-items.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { ENTITY_TYPES, INDEXES, keys } from '../../catalog/keys.ts';
import { customerLendingUpdate, journalWrites, outboxPut, planJournalScope, planUpdate, toPlan } from '../../lending/adapters/plan-items.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';

function itemAttributes(item: ReconciliationItem): Record<string, unknown> {
  return {
    entityType: ENTITY_TYPES.reconciliationItem,
    itemId: item.itemId,
    status: item.status,
    reason: item.reason,
    amountHalalas: item.amountHalalas,
    gatewayEventId: item.gatewayEventId,
    checkoutReference: item.checkoutReference,
    reportedPlanId: item.reportedPlanId,
    receivedAt: item.receivedAt.toISOString(),
    ...(item.proposal === undefined ? {} : { proposal: { ...item.proposal, proposedAt: item.proposal.proposedAt.toISOString() } }),
    ...(item.resolution === undefined ? {} : { resolution: { ...item.resolution, resolvedAt: item.resolution.resolvedAt.toISOString() } }),
    ...keys.reconciliationQueue(item.itemId),
  };
}

function toItem(stored: Record<string, unknown>): ReconciliationItem {
  const proposal = stored.proposal as { planId: string; proposedBy: string; proposedAt: string } | undefined;
  const resolution = stored.resolution as { planId: string; proposedBy: string; confirmedBy: string; resolvedAt: string } | undefined;
  return {
    itemId: String(stored.itemId),
    status: stored.status as ReconciliationItem['status'],
    reason: stored.reason as ReconciliationItem['reason'],
    amountHalalas: Number(stored.amountHalalas),
    gatewayEventId: String(stored.gatewayEventId),
    checkoutReference: String(stored.checkoutReference),
    reportedPlanId: String(stored.reportedPlanId),
    receivedAt: new Date(String(stored.receivedAt)),
    ...(proposal === undefined ? {} : { proposal: { ...proposal, proposedAt: new Date(proposal.proposedAt) } }),
    ...(resolution === undefined ? {} : { resolution: { ...resolution, resolvedAt: new Date(resolution.resolvedAt) } }),
  };
}

const toStored = (stored: Record<string, unknown>): StoredReconciliationItem => ({ item: toItem(stored), version: Number(stored.version), auditHead: auditHeadOf(stored) });

export class DynamoDbReconciliationStore implements ReconciliationStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The item update that appends its audit entry and advances the head, guarded by the version read. */
  private itemUpdate(before: StoredReconciliationItem, after: ReconciliationItem, audit: AuditEntryContent): NamedTransactItem[] {
    const entry = chainAuditEntry(before.auditHead, audit);
    const itemKey = keys.reconciliationItem(before.item.itemId);
    const attributes = { ...itemAttributes(after), version: before.version + 1, auditHeadHash: entry.hash, auditSequence: entry.sequence };
    const names = Object.fromEntries(Object.keys(attributes).map((name, index) => [`#a${index}`, name]));
    const values = Object.fromEntries(Object.values(attributes).map((value, index) => [`:a${index}`, value]));
    // A rejected proposal leaves the item; the audit chain keeps what it said.
    const removeProposal = after.proposal === undefined && before.item.proposal !== undefined;
    return [
      { name: 'itemAuditEntryMustBeNew', item: auditEntryPut(this.tableName, itemKey, entry) },
      {
        name: 'itemUnchangedSinceRead',
        item: {
          Update: {
            TableName: this.tableName,
            Key: itemKey,
            UpdateExpression: `SET ${Object.keys(names).map((name, index) => `${name} = :a${index}`).join(', ')}${removeProposal ? ' REMOVE #proposal' : ''}`,
            ConditionExpression: 'version = :expectedVersion',
            ExpressionAttributeNames: { ...names, ...(removeProposal ? { '#proposal': 'proposal' } : {}) },
            ExpressionAttributeValues: { ...values, ':expectedVersion': before.version },
          },
        },
      },
    ];
  }

  async holdUnappliedCash(receipt: UnappliedCashReceipt): Promise<'held' | 'duplicate'> {
    const { item } = receipt;
    const itemKey = keys.reconciliationItem(item.itemId);
    const first = firstAuditEntry(this.tableName, itemKey, receipt.audit);
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'gatewayEventMustBeNew',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.gatewayEvent(receipt.gatewayEventId), entityType: ENTITY_TYPES.gatewayEvent, reconciliationItemId: item.itemId },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        {
          name: 'itemMustBeNew',
          item: { Put: { TableName: this.tableName, Item: { ...itemKey, ...itemAttributes(item), version: 1, ...first.headAttributes }, ConditionExpression: CONDITIONS.itemMustNotExist } },
        },
        { name: 'itemAuditEntryMustBeNew', item: first.put },
        ...journalWrites(this.tableName, receipt.journal, { reconciliation: item.itemId }),
      ]);
      return 'held';
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('gatewayEventMustBeNew')) return 'duplicate';
      throw error;
    }
  }

  async findItem(itemId: string): Promise<StoredReconciliationItem | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.reconciliationItem(itemId), ConsistentRead: true }));
    return Item === undefined ? undefined : toStored(Item);
  }

  async listItems(limit: number, afterItemId: string | undefined): Promise<readonly ReconciliationItem[]> {
    const queue = keys.reconciliationQueue('');
    const { Items = [] } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byOwner.indexName,
        KeyConditionExpression: '#queue = :queue',
        ExpressionAttributeNames: { '#queue': INDEXES.byOwner.partitionKey },
        ExpressionAttributeValues: { ':queue': queue[INDEXES.byOwner.partitionKey] },
        ScanIndexForward: false,
        Limit: limit,
        ...(afterItemId === undefined ? {} : { ExclusiveStartKey: { ...keys.reconciliationItem(afterItemId), ...keys.reconciliationQueue(afterItemId) } }),
      }),
    );
    return Items.map(toItem);
  }

  async loadForResolution(itemId: string, planId: string): Promise<{ stored: StoredReconciliationItem | undefined; plan: Plan | undefined }> {
    const itemKey = keys.reconciliationItem(itemId);
    const planKey = keys.plan(planId);
    const { Responses, UnprocessedKeys } = await this.documentClient.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: [itemKey, planKey], ConsistentRead: true } } }),
    );
    // Two small items never exceed BatchGetItem's limits; unprocessed keys would mean throttling, surfaced as such.
    if ((UnprocessedKeys?.[this.tableName]?.Keys?.length ?? 0) > 0) throw new Error('DynamoDB throttled a batch read');
    const items = Responses?.[this.tableName] ?? [];
    const item = items.find((candidate) => candidate.PK === itemKey.PK && candidate.SK === itemKey.SK);
    const plan = items.find((candidate) => candidate.PK === planKey.PK && candidate.SK === planKey.SK);
    return { stored: item === undefined ? undefined : toStored(item), plan: plan === undefined ? undefined : toPlan(plan) };
  }

  async recordDecision(before: StoredReconciliationItem, after: ReconciliationItem, audit: AuditEntryContent): Promise<void> {
    try {
      await writeTransaction(this.documentClient, this.itemUpdate(before, after, audit));
    } catch (error) {
      if (error instanceof TransactionConditionFailed) throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
      throw error;
    }
  }

  async applyResolution(application: ResolutionApplication): Promise<void> {
    const { planBefore, planAfter } = application;
    try {
      await writeTransaction(this.documentClient, [
        ...this.itemUpdate(application.itemBefore, application.itemAfter, application.itemAudit),
        ...planUpdate(this.tableName, planBefore, planAfter, application.planAudit),
        customerLendingUpdate(this.tableName, planBefore.customerId, {
          exposureDeltaHalalas: -application.itemBefore.item.amountHalalas,
          bucketChange: { from: planBefore.delinquencyBucket, to: planAfter.delinquencyBucket },
        }),
        ...journalWrites(this.tableName, application.journal, planJournalScope(application.journal)),
        ...application.events.map((event, index) => outboxPut(this.tableName, `eventMustBeNew${index}`, event.type, event.envelope)),
      ]);
    } catch (error) {
      // The item or the plan changed since they were read (another confirmation, a payment): read and decide again.
      if (error instanceof TransactionConditionFailed) throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
      throw error;
    }
  }
}

/**
 * Reconciliation items: money the gateway reported that matched no payable intent, held in suspense. Each item is an
 * aggregate with its own audit chain and its own suspense journal partition; its resolution commits with the plan's
 * items (plan-items.ts) in one transaction, so the money leaves suspense and reaches the plan together or not at all.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEntryPut, auditHeadOf, chainAuditEntry, firstAuditEntry, type AuditEntryContent } from '../../audit/index.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { INDEXES } from '../../kernel/storage/table.ts';
import { journalWrites } from '../../ledger/index.ts';
import { customerLendingUpdate, lendingKeys, planJournalWrites, planUpdate, toPlan, type Plan } from '../../lending/index.ts';
import type { ReconciliationStore, ResolutionApplication, StoredReconciliationItem, SuspenseRefundRequest, SuspenseRefundSettlement, UnappliedCashReceipt } from '../app/reconciliation-store.ts';
import type { ReconciliationItem } from '../domain/reconciliation.ts';
import { ENTITY_TYPES, keys } from './keys.ts';
import { gatewayEventPut } from './payment-items.ts';
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
    refundAttemptCount: item.refundAttemptCount,
    ...keys.reconciliationQueue(item.itemId),
  };
}

function toItem(stored: Record<string, unknown>): ReconciliationItem {
  // The proposal and resolution were written from the domain's own types; only their dates are strings.
  const proposal = stored.proposal as (Omit<NonNullable<ReconciliationItem['proposal']>, 'proposedAt'> & { proposedAt: string }) | undefined;
  const resolution = stored.resolution as (Omit<NonNullable<ReconciliationItem['resolution']>, 'resolvedAt'> & { resolvedAt: string }) | undefined;
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
    refundAttemptCount: Number(stored.refundAttemptCount ?? 0),
  } as ReconciliationItem;
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
    // A rejected proposal, or a failed refund, leaves the item; the audit chain keeps what it said.
    const removed = (['proposal', 'resolution'] as const).filter((name) => after[name] === undefined && before.item[name] !== undefined);
    return [
      { name: 'itemAuditEntryMustBeNew', item: auditEntryPut(this.tableName, itemKey, entry) },
      {
        name: 'itemUnchangedSinceRead',
        item: {
          Update: {
            TableName: this.tableName,
            Key: itemKey,
            UpdateExpression: `SET ${Object.keys(names).map((name, index) => `${name} = :a${index}`).join(', ')}${removed.length === 0 ? '' : ` REMOVE ${removed.map((name) => `#${name}`).join(', ')}`}`,
            ConditionExpression: 'version = :expectedVersion',
            ExpressionAttributeNames: { ...names, ...Object.fromEntries(removed.map((name) => [`#${name}`, name])) },
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
        gatewayEventPut(this.tableName, receipt.gatewayEventId, { reconciliationItemId: item.itemId }),
        {
          name: 'itemMustBeNew',
          item: { Put: { TableName: this.tableName, Item: { ...itemKey, ...itemAttributes(item), version: 1, ...first.headAttributes }, ConditionExpression: CONDITIONS.itemMustNotExist } },
        },
        { name: 'itemAuditEntryMustBeNew', item: first.put },
        ...journalWrites(this.tableName, receipt.journal, keys.reconciliationLedger(item.itemId), { reconciliationItemId: item.itemId }),
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
    const planKey = lendingKeys.plan(planId);
    const items = await batchGetItems(this.documentClient, this.tableName, [itemKey, planKey]);
    const item = items.get(itemKey);
    const plan = items.get(planKey);
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

  async requestRefund(request: SuspenseRefundRequest): Promise<void> {
    try {
      await writeTransaction(this.documentClient, [...this.itemUpdate(request.itemBefore, request.itemAfter, request.audit), ...outboxPuts(this.tableName, request.events)]);
    } catch (error) {
      if (error instanceof TransactionConditionFailed) throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
      throw error;
    }
  }

  async loadForRefundOutcome(itemId: string, gatewayEventId: string): Promise<{ readonly stored: StoredReconciliationItem | undefined; readonly gatewayEventSeen: boolean }> {
    const itemKey = keys.reconciliationItem(itemId);
    const eventKey = keys.gatewayEvent(gatewayEventId);
    const items = await batchGetItems(this.documentClient, this.tableName, [itemKey, eventKey]);
    const item = items.get(itemKey);
    return { stored: item === undefined ? undefined : toStored(item), gatewayEventSeen: items.get(eventKey) !== undefined };
  }

  async settleRefund(settlement: SuspenseRefundSettlement): Promise<'settled' | 'duplicate'> {
    const { itemBefore } = settlement;
    try {
      await writeTransaction(this.documentClient, [
        gatewayEventPut(this.tableName, settlement.gatewayEventId, { reconciliationItemId: itemBefore.item.itemId }),
        ...this.itemUpdate(itemBefore, settlement.itemAfter, settlement.audit),
        ...(settlement.journal === undefined ? [] : journalWrites(this.tableName, settlement.journal, keys.reconciliationLedger(itemBefore.item.itemId), { reconciliationItemId: itemBefore.item.itemId })),
      ]);
      return 'settled';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('gatewayEventMustBeNew')) return 'duplicate';
      throw kernelError('CONCURRENT_UPDATE', { cause: error });
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
        ...planJournalWrites(this.tableName, application.journal),
        ...outboxPuts(this.tableName, application.events),
      ]);
    } catch (error) {
      // The item or the plan changed since they were read (another confirmation, a payment): read and decide again.
      if (error instanceof TransactionConditionFailed) throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
      throw error;
    }
  }
}

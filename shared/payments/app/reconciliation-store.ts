/** The persistence port for money held in suspense and its four-eyes resolution. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { ReconciliationItem } from '../domain/reconciliation.ts';
import type { OutboundEvent as PlanEvent } from '../../kernel/messaging/event-type.ts';
import type { PostedJournal } from '../../ledger/index.ts';
import type { Journal, Plan } from '../../lending/index.ts';

/** An item as read, beside what guards a write based on that read. */
export interface StoredReconciliationItem {
  readonly item: ReconciliationItem;
  /** Optimistic-lock version: every update is conditional on it. */
  readonly version: number;
  readonly auditHead: { readonly sequence: number; readonly hash: string };
}

/** A journal of the item's own suspense ledger (money in), as opposed to a plan's statement. */
export type SuspenseJournal = PostedJournal;

export interface UnappliedCashReceipt {
  readonly item: ReconciliationItem;
  /** The gateway's event id, recorded as seen in the same transaction, so a redelivery is a duplicate. */
  readonly gatewayEventId: string;
  readonly journal: SuspenseJournal;
  readonly audit: AuditEntryContent;
}

export interface ResolutionApplication {
  readonly itemBefore: StoredReconciliationItem;
  readonly itemAfter: ReconciliationItem;
  readonly itemAudit: AuditEntryContent;
  readonly planBefore: Plan;
  readonly planAfter: Plan;
  readonly planAudit: AuditEntryContent;
  /** Posted to the plan's statement: the money leaves suspense and the customer owes less. */
  readonly journal: Journal;
  readonly events: readonly PlanEvent[];
}

export interface SuspenseRefundRequest {
  readonly itemBefore: StoredReconciliationItem;
  readonly itemAfter: ReconciliationItem;
  readonly audit: AuditEntryContent;
  /** The refund's request to the suspense refunds queue. */
  readonly events: readonly PlanEvent[];
}

export interface SuspenseRefundSettlement {
  /** Recorded as seen in the same transaction, so a redelivery is a duplicate. */
  readonly gatewayEventId: string;
  readonly itemBefore: StoredReconciliationItem;
  readonly itemAfter: ReconciliationItem;
  readonly audit: AuditEntryContent;
  /** Posted to the item's suspense ledger when the refund succeeded. */
  readonly journal: SuspenseJournal | undefined;
}

export interface ReconciliationStore {
  /** Records money received into suspense once: `duplicate` when this gateway event was already recorded. */
  holdUnappliedCash(receipt: UnappliedCashReceipt): Promise<'held' | 'duplicate'>;
  findItem(itemId: string): Promise<StoredReconciliationItem | undefined>;
  /** Newest first, at most `limit`, starting after `afterItemId` when given. */
  listItems(limit: number, afterItemId: string | undefined): Promise<readonly ReconciliationItem[]>;
  /** One round trip: the item and the plan the confirmation names. */
  loadForResolution(itemId: string, planId: string): Promise<{ readonly stored: StoredReconciliationItem | undefined; readonly plan: Plan | undefined }>;
  /** Records a proposal or its rejection. Throws CONCURRENT_UPDATE when the item changed since it was read. */
  recordDecision(before: StoredReconciliationItem, after: ReconciliationItem, audit: AuditEntryContent): Promise<void>;
  /** Moves the money from suspense to the plan in one transaction. Throws CONCURRENT_UPDATE when either changed since read. */
  applyResolution(application: ResolutionApplication): Promise<void>;
  /** Records a confirmed refund with its request to the refunds queue. Throws CONCURRENT_UPDATE when the item changed since read. */
  requestRefund(request: SuspenseRefundRequest): Promise<void>;
  /** One round trip: the item, and whether the gateway's event was seen. */
  loadForRefundOutcome(itemId: string, gatewayEventId: string): Promise<{ readonly stored: StoredReconciliationItem | undefined; readonly gatewayEventSeen: boolean }>;
  /** Applies the gateway's answer to a refund once: `duplicate` when its event was already recorded. */
  settleRefund(settlement: SuspenseRefundSettlement): Promise<'settled' | 'duplicate'>;
}

/**
 * Builders for the plan ledger's transaction items (plans, the customer's exposure and arrears counters, journals and
 * ledger balances, outbox events) and the mappers from stored items. The plan store and the reconciliation store
 * both commit them, so a change that spans both (unapplied cash applied to a plan) is still one transaction.
 */
import { randomInt } from 'node:crypto';
import type { EventDetailEnvelope, EventTypeDefinition } from '../../kernel/messaging/event-type.ts';
import { chainAuditEntry, type AuditEntryContent } from '../../audit/domain/audit-chain.ts';
import { ARREARS_BUCKETS, arrearsBucketsFrom, type ArrearsBucket, type ArrearsCounts, type DelinquencyBucket } from '../domain/delinquency.ts';
import type { Journal, LedgerAccount, Offer, Payment, Plan } from '../app/plan-store.ts';
import { buildOutboxItem } from '../../kernel/messaging/outbox.ts';
import { auditEntryPut, auditHeadOf } from '../../audit/adapters/audit-items.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { ENTITY_TYPES, INDEXES, keys, type JournalScope } from '../../catalog/keys.ts';
import type { NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
/** Shards per ledger account balance; see docs/capacity.md for the write-rate arithmetic. */
export const LEDGER_BALANCE_SHARDS = 10;

/**
 * Customer-item counters of the customer's plans in each arrears bucket. They move in the same transaction as the
 * plan's bucket, so plan creation can refuse a customer in arrears atomically, without reading every plan.
 */
export const ARREARS_COUNT_ATTRIBUTES: Readonly<Record<ArrearsBucket, string>> = {
  '1-30': 'plansInArrears1To30',
  '31-60': 'plansInArrears31To60',
  '61-90': 'plansInArrears61To90',
  '90+': 'plansInArrears90Plus',
};

export function arrearsCountsOf(customerItem: Record<string, unknown>): ArrearsCounts {
  return Object.fromEntries(ARREARS_BUCKETS.map((bucket) => [bucket, Number(customerItem[ARREARS_COUNT_ATTRIBUTES[bucket]] ?? 0)]));
}

/** What one transaction changes on the customer item: exposure, the arrears counters, and the conditions that guard them. */
export interface CustomerLendingChange {
  readonly exposureDeltaHalalas: number;
  /** When present, the exposure after the change may not exceed it (the SAMA limit, or the lower credit ceiling). */
  readonly borrowingLimitHalalas?: number;
  /** When present, the change is refused while any plan sits in this bucket or a worse one. */
  readonly arrearsBucketBlocking?: ArrearsBucket;
  /** When present, the change is refused unless this is still the customer's latest credit assessment. */
  readonly assessmentIdRead?: string;
  readonly bucketChange?: { readonly from: DelinquencyBucket; readonly to: DelinquencyBucket };
}

export function toOffer(item: Record<string, unknown>): Offer {
  return {
    offerId: String(item.offerId),
    customerId: String(item.customerId),
    amountHalalas: Number(item.amountHalalas),
    downPaymentHalalas: Number(item.downPaymentHalalas),
    financedHalalas: Number(item.financedHalalas),
    installmentCount: Number(item.installmentCount),
    installments: item.installments as Offer['installments'],
    createdAt: new Date(String(item.createdAt)),
    expiresAt: new Date(String(item.expiresAt)),
    used: item.usedAt !== undefined,
  };
}

export function toPlan(item: Record<string, unknown>): Plan {
  return {
    planId: String(item.planId),
    customerId: String(item.customerId),
    offerId: String(item.offerId),
    status: item.status as Plan['status'],
    amountHalalas: Number(item.amountHalalas),
    downPaymentHalalas: Number(item.downPaymentHalalas),
    financedHalalas: Number(item.financedHalalas),
    outstandingHalalas: Number(item.outstandingHalalas),
    payableHalalas: Number(item.payableHalalas),
    installments: item.installments as Plan['installments'],
    delinquencyBucket: item.delinquencyBucket as Plan['delinquencyBucket'],
    createdAt: new Date(String(item.createdAt)),
    version: Number(item.version),
    auditHead: auditHeadOf(item),
  };
}

export function toPayment(item: Record<string, unknown>): Payment {
  return {
    paymentId: String(item.paymentId),
    planId: String(item.planId),
    customerId: String(item.customerId),
    amountHalalas: Number(item.amountHalalas),
    method: item.method as Payment['method'],
    purpose: item.purpose as Payment['purpose'],
    status: item.status as Payment['status'],
    checkoutReference: String(item.checkoutReference),
    createdAt: new Date(String(item.createdAt)),
    expiresAt: new Date(String(item.expiresAt)),
    settledAt: item.settledAt === undefined ? undefined : new Date(String(item.settledAt)),
    settledBy: item.settledBy as Payment['settledBy'],
  };
}

export function toJournal(item: Record<string, unknown>): Journal {
  return {
    journalId: String(item.journalId),
    planId: String(item.planId),
    description: String(item.description),
    postedAt: new Date(String(item.postedAt)),
    entries: item.entries as Journal['entries'],
    reverses: item.reverses === undefined ? undefined : String(item.reverses),
  };
}

/** Everything about a plan except its keys and audit head, as stored. */
export function planAttributes(plan: Plan): Record<string, unknown> {
  const oldestUnpaid = plan.installments.filter((installment) => installment.paidHalalas < installment.amountHalalas).map((installment) => installment.dueDate).sort()[0];
  return {
    entityType: ENTITY_TYPES.plan,
    planId: plan.planId,
    customerId: plan.customerId,
    offerId: plan.offerId,
    status: plan.status,
    amountHalalas: plan.amountHalalas,
    downPaymentHalalas: plan.downPaymentHalalas,
    financedHalalas: plan.financedHalalas,
    outstandingHalalas: plan.outstandingHalalas,
    payableHalalas: plan.payableHalalas,
    installments: plan.installments,
    delinquencyBucket: plan.delinquencyBucket,
    createdAt: plan.createdAt.toISOString(),
    version: plan.version,
    ...keys.ownedBy(plan.customerId, 'PLAN', plan.planId),
    // Only active plans with money owed appear in the due-date index (a sparse index).
    ...(plan.status === 'ACTIVE' && oldestUnpaid !== undefined ? keys.dueBy(oldestUnpaid, plan.planId) : {}),
  };
}

export function outboxPut(tableName: string, name: string, type: EventTypeDefinition, envelope: EventDetailEnvelope): NamedTransactItem {
  return { name, item: { Put: { TableName: tableName, Item: buildOutboxItem(type, envelope), ConditionExpression: CONDITIONS.itemMustNotExist } } };
}

/** A journal as posted to one ledger scope: a plan's statement, or a reconciliation item's suspense postings. */
export type PostedJournal = Omit<Journal, 'planId'>;

/** The plan ledger scope of a plan's journal. */
export const planJournalScope = (journal: Journal): JournalScope => ({ plan: journal.planId });

export function journalWrites(tableName: string, journal: PostedJournal, scope: JournalScope): NamedTransactItem[] {
  const put: NamedTransactItem = {
    name: 'journalMustBeNew',
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.journal(scope, journal.journalId),
          entityType: ENTITY_TYPES.journal,
          journalId: journal.journalId,
          ...('plan' in scope ? { planId: scope.plan } : { reconciliationItemId: scope.reconciliation }),
          description: journal.description,
          postedAt: journal.postedAt.toISOString(),
          entries: journal.entries,
          ...(journal.reverses === undefined ? {} : { reverses: journal.reverses }),
        },
        ConditionExpression: CONDITIONS.itemMustNotExist,
      },
    },
  };
  const totals = new Map<LedgerAccount, { debit: number; credit: number }>();
  for (const entry of journal.entries) {
    const total = totals.get(entry.account) ?? { debit: 0, credit: 0 };
    if (entry.side === 'DEBIT') total.debit += entry.amountHalalas;
    else total.credit += entry.amountHalalas;
    totals.set(entry.account, total);
  }
  const balances: NamedTransactItem[] = [...totals].map(([account, total]) => ({
    name: `ledger${account}`,
    item: {
      Update: {
        TableName: tableName,
        Key: keys.ledgerBalance(account, randomInt(LEDGER_BALANCE_SHARDS)),
        UpdateExpression: 'SET entityType = :entityType, account = :account ADD debitHalalas :debit, creditHalalas :credit',
        ExpressionAttributeValues: { ':entityType': ENTITY_TYPES.ledgerBalance, ':account': account, ':debit': total.debit, ':credit': total.credit },
      },
    },
  }));
  return [put, ...balances];
}

/** The plan update that also appends its audit entry and advances the head, guarded by the version read. */
export function planUpdate(tableName: string, before: Plan, after: Plan, audit: AuditEntryContent): NamedTransactItem[] {
  const entry = chainAuditEntry(before.auditHead, audit);
  const attributes = planAttributes({ ...after, version: before.version + 1 });
  const removeDueIndex = !(INDEXES.byDueDate.partitionKey in attributes);
  const names = Object.fromEntries(Object.keys(attributes).map((name, index) => [`#a${index}`, name]));
  const values = Object.fromEntries(Object.values(attributes).map((value, index) => [`:a${index}`, value]));
  return [
    { name: 'auditEntryMustBeNew', item: auditEntryPut(tableName, keys.plan(before.planId), entry) },
    {
      name: 'planUnchangedSinceRead',
      item: {
        Update: {
          TableName: tableName,
          Key: keys.plan(before.planId),
          UpdateExpression: `SET ${Object.keys(names).map((name, index) => `${name} = :a${index}`).join(', ')}, auditHeadHash = :auditHeadHash, auditSequence = :auditSequence${
            removeDueIndex ? ` REMOVE #dueKey, #dueSort` : ''
          }`,
          ConditionExpression: 'version = :expectedVersion',
          ExpressionAttributeNames: { ...names, ...(removeDueIndex ? { '#dueKey': INDEXES.byDueDate.partitionKey, '#dueSort': INDEXES.byDueDate.sortKey } : {}) },
          ExpressionAttributeValues: { ...values, ':auditHeadHash': entry.hash, ':auditSequence': entry.sequence, ':expectedVersion': before.version },
        },
      },
    },
  ];
}

export function customerLendingUpdate(tableName: string, customerId: string, change: CustomerLendingChange): NamedTransactItem {
  const adds = ['outstandingHalalas :delta'];
  const conditions: string[] = [CONDITIONS.itemMustExist];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':delta': change.exposureDeltaHalalas };
  const { from, to } = change.bucketChange ?? { from: 'CURRENT', to: 'CURRENT' };
  if (from !== to && from !== 'CURRENT') {
    adds.push('#leftBucket :minusOne');
    names['#leftBucket'] = ARREARS_COUNT_ATTRIBUTES[from];
    values[':minusOne'] = -1;
  }
  if (from !== to && to !== 'CURRENT') {
    adds.push('#enteredBucket :plusOne');
    names['#enteredBucket'] = ARREARS_COUNT_ATTRIBUTES[to];
    values[':plusOne'] = 1;
  }
  if (change.borrowingLimitHalalas !== undefined) {
    // The only place the SAMA exposure limit and the credit ceiling are enforced: atomically, whatever else runs.
    conditions.push('(attribute_not_exists(outstandingHalalas) OR outstandingHalalas <= :outstandingMax)');
    values[':outstandingMax'] = change.borrowingLimitHalalas - change.exposureDeltaHalalas;
  }
  if (change.assessmentIdRead !== undefined) {
    // The ceiling and the risk were judged on this assessment; a newer one (say, a lower ceiling) must be judged anew.
    conditions.push('latestAssessment.assessmentId = :assessmentIdRead');
    values[':assessmentIdRead'] = change.assessmentIdRead;
  }
  if (change.arrearsBucketBlocking !== undefined) {
    for (const bucket of arrearsBucketsFrom(change.arrearsBucketBlocking)) {
      const name = `#arrears${ARREARS_BUCKETS.indexOf(bucket)}`;
      names[name] = ARREARS_COUNT_ATTRIBUTES[bucket];
      conditions.push(`(attribute_not_exists(${name}) OR ${name} <= :noPlans)`);
      values[':noPlans'] = 0;
    }
  }
  return {
    name: 'customerMayBorrow',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: values,
        ...(Object.keys(names).length === 0 ? {} : { ExpressionAttributeNames: names }),
        // Lets a refusal name the rule it broke, from the item as it stood, without another read.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  };
}

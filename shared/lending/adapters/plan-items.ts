/**
 * Lending's transaction items (a plan's guarded update with its audit entry, the customer's exposure and arrears
 * counters, a payment's reservation of payable balance) and the mappers from stored items. Lending's stores commit
 * them, and so do the payments context's, through lending's index, so that a change spanning both (a settlement,
 * unapplied cash applied to a plan) is still one transaction.
 */
import { auditEntryPut, auditHeadOf, chainAuditEntry, type AuditEntryContent, type ChainedAuditEntry } from '../../audit/index.ts';
import { journalWrites } from '../../ledger/index.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { INDEXES } from '../../kernel/storage/table.ts';
import type { NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { customerKeys } from '../../customers/index.ts';
import { ARREARS_BUCKETS, arrearsBucketsFrom, type ArrearsBucket, type ArrearsCounts, type DelinquencyBucket } from '../domain/delinquency.ts';
import type { Journal } from '../app/ports.ts';
import type { Offer, Plan } from '../domain/plan.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

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
    ...(item.quote === undefined ? {} : { quote: item.quote as Offer['quote'] }),
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
    ...(item.purchase === undefined ? {} : { purchase: item.purchase as Plan['purchase'] }),
    ...(item.scheduleProvisional === true ? { scheduleProvisional: true } : {}),
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
    ...(plan.purchase === undefined ? {} : { purchase: plan.purchase }),
    scheduleProvisional: plan.scheduleProvisional === true,
    ...keys.ownedPlan(plan.customerId, plan.planId),
    // Only active plans with money owed and a fixed schedule appear in the due-date index (a sparse index): a
    // provisional due date is never overdue.
    ...(plan.status === 'ACTIVE' && oldestUnpaid !== undefined && plan.scheduleProvisional !== true ? keys.dueBy(oldestUnpaid, plan.planId) : {}),
  };
}

/** A plan's journal, posted to the plan's own ledger: its statement. */
export function planJournalWrites(tableName: string, journal: Journal): NamedTransactItem[] {
  return journalWrites(tableName, journal, keys.planLedger(journal.planId), { planId: journal.planId });
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

/** A plan's cancellation: the audited plan update, the exposure it releases, and the journal reversing its opening. */
export function planCancellationWrites(tableName: string, cancellation: { readonly plan: Plan; readonly cancelled: Plan; readonly journal: Journal; readonly audit: AuditEntryContent }): NamedTransactItem[] {
  const { plan, cancelled } = cancellation;
  return [
    ...planUpdate(tableName, plan, cancelled, cancellation.audit),
    customerLendingUpdate(tableName, plan.customerId, { exposureDeltaHalalas: -plan.outstandingHalalas, bucketChange: { from: plan.delinquencyBucket, to: cancelled.delinquencyBucket } }),
    ...planJournalWrites(tableName, cancellation.journal),
  ];
}

/**
 * Financing taken off a plan (an installation ended early): the audited plan update, the exposure it releases with the
 * arrears counters it moves, and the plan's journal, committed inside the projects context's transaction.
 */
export function planFinancingReductionWrites(tableName: string, reduction: { readonly plan: Plan; readonly reduced: Plan; readonly journal: Journal | undefined; readonly audit: AuditEntryContent }): NamedTransactItem[] {
  const { plan, reduced } = reduction;
  return [
    ...planUpdate(tableName, plan, reduced, reduction.audit),
    customerLendingUpdate(tableName, plan.customerId, {
      exposureDeltaHalalas: reduced.outstandingHalalas - plan.outstandingHalalas,
      bucketChange: { from: plan.delinquencyBucket, to: reduced.delinquencyBucket },
    }),
    ...(reduction.journal === undefined ? [] : planJournalWrites(tableName, reduction.journal)),
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
        Key: customerKeys.customer(customerId),
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

/**
 * A payment intent's reservation of the plan's payable balance, joining the plan's audit chain. The entry's key is
 * the next sequence after the head read: a concurrent change that advanced the head first makes the put fail,
 * never fork the chain.
 */
export function payableReservation(tableName: string, plan: Plan, amountHalalas: number, audit: AuditEntryContent): NamedTransactItem[] {
  const entry: ChainedAuditEntry = chainAuditEntry(plan.auditHead, audit);
  return [
    { name: 'auditEntryMustBeNew', item: auditEntryPut(tableName, keys.plan(plan.planId), entry) },
    {
      name: 'amountWithinPayableBalance',
      item: {
        Update: {
          TableName: tableName,
          Key: keys.plan(plan.planId),
          // Bumping the version makes every plan update based on an earlier read (a settlement, a cancellation,
          // the delinquency job) fail its version condition instead of writing back a stale payable balance.
          UpdateExpression: 'SET auditHeadHash = :auditHeadHash, auditSequence = :auditSequence ADD payableHalalas :reserve, version :one',
          ConditionExpression: '#status = :active AND payableHalalas >= :amount',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':reserve': -amountHalalas, ':amount': amountHalalas, ':active': 'ACTIVE', ':one': 1, ':auditHeadHash': entry.hash, ':auditSequence': entry.sequence },
        },
      },
    },
  ];
}

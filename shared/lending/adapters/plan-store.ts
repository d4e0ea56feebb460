import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { AuditEntryContent } from '../../audit/domain/audit-chain.ts';
import type { IdempotencyScope, StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyKeyInUse } from '../../kernel/idempotency/idempotency.ts';
import type { AssessmentSummary } from '../domain/offer-policy.ts';
import { blocksNewPlans } from '../domain/delinquency.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import type {
  Applicant,
  Journal,
  LedgerAccount,
  Offer,
  Payment,
  PaymentSettlement,
  Plan,
  PlanCancellation,
  PlanCreation,
  PlanEvent,
  PlanPage,
  PlanStore,
} from '../app/plan-store.ts';
import { LEDGER_ACCOUNTS } from '../../ledger/domain/journal.ts';
import { auditEntryPut } from '../../audit/adapters/audit-items.ts';
import { canonicalJson, chainAuditEntry } from '../../audit/domain/audit-chain.ts';
import { ULID_PATTERN } from '../../kernel/clock-and-ids.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { idempotencyKeyOf, idempotencyRecordPut, toIdempotencyRecord } from '../../kernel/idempotency/idempotency-store.ts';
import { ENTITY_TYPES, INDEXES, keys, type ItemKey } from '../../catalog/keys.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem, type TransactItem } from '../../kernel/storage/unit-of-work.ts';
import {
  ARREARS_COUNT_ATTRIBUTES,
  arrearsCountsOf,
  customerLendingUpdate,
  journalWrites,
  LEDGER_BALANCE_SHARDS,
  outboxPut,
  planAttributes,
  planJournalScope,
  planUpdate,
  toJournal,
  toOffer,
  toPayment,
  toPlan,
} from './plan-items.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { lendingError } from '../api/error-codes.ts';
import { paymentsError, PAYMENTS_EVENTS } from '../../payments/index.ts';

/**
 * Turns a client's cursor back into the start key it came from. The key is rebuilt from the plan id it names, for
 * the caller's own list only, so nothing a client sends reaches DynamoDB as a key: a cursor from another list, or
 * a forged one, is a 400 rather than a DynamoDB validation error.
 */
function planListStartKey(customerId: string, cursor: string): Record<string, unknown> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const sortKey = typeof decoded === 'object' && decoded !== null ? (decoded as Record<string, unknown>)[INDEXES.byOwner.sortKey] : undefined;
  const planSortKeyPrefix = keys.ownedBy(customerId, 'PLAN', '')[INDEXES.byOwner.sortKey]!;
  const planId = typeof sortKey === 'string' && sortKey.startsWith(planSortKeyPrefix) ? sortKey.slice(planSortKeyPrefix.length) : '';
  const startKey = { ...keys.plan(planId), ...keys.ownedBy(customerId, 'PLAN', planId) };
  const matches = ULID_PATTERN.test(planId) && canonicalJson(decoded) === canonicalJson(startKey);
  if (!matches) throw kernelError('VALIDATION_FAILED', { details: [{ field: 'query.cursor', issue: 'not a cursor from this list' }] });
  return startKey;
}

/** Offers are single-use and short-lived; the record is kept a day past expiry for support questions. */
const OFFER_RECORD_RETENTION_SECONDS = 24 * 60 * 60;

const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export class DynamoDbPlanStore implements PlanStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveOffer(offer: Offer): Promise<void> {
    await this.documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.offer(offer.customerId, offer.offerId),
          entityType: ENTITY_TYPES.offer,
          offerId: offer.offerId,
          customerId: offer.customerId,
          amountHalalas: offer.amountHalalas,
          downPaymentHalalas: offer.downPaymentHalalas,
          financedHalalas: offer.financedHalalas,
          installmentCount: offer.installmentCount,
          installments: offer.installments,
          createdAt: offer.createdAt.toISOString(),
          expiresAt: offer.expiresAt.toISOString(),
          expiresAtEpochSeconds: epochSeconds(offer.expiresAt) + OFFER_RECORD_RETENTION_SECONDS,
        },
        ConditionExpression: CONDITIONS.itemMustNotExist,
      }),
    );
  }

  private async batchGet(requested: readonly ItemKey[]): Promise<Map<string, Record<string, unknown>>> {
    const { Responses, UnprocessedKeys } = await this.documentClient.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: [...requested], ConsistentRead: true } } }),
    );
    // Three small items never exceed BatchGetItem's limits; unprocessed keys would mean throttling, surfaced as such.
    if ((UnprocessedKeys?.[this.tableName]?.Keys?.length ?? 0) > 0) throw new Error('DynamoDB throttled a batch read');
    return new Map((Responses?.[this.tableName] ?? []).map((item) => [`${String(item.PK)}|${String(item.SK)}`, item]));
  }

  async loadForPlanCreation(customerId: string, offerId: string, scope: IdempotencyScope) {
    const offerKey = keys.offer(customerId, offerId);
    const customerKey = keys.customer(customerId);
    const idempotencyKey = idempotencyKeyOf(scope);
    const items = await this.batchGet([offerKey, customerKey, idempotencyKey]);
    const offer = items.get(`${offerKey.PK}|${offerKey.SK}`);
    const customer = items.get(`${customerKey.PK}|${customerKey.SK}`);
    return {
      offer: offer === undefined ? undefined : toOffer(offer),
      customer:
        customer === undefined
          ? undefined
          : {
              customerId,
              outstandingHalalas: Number(customer.outstandingHalalas ?? 0),
              latestAssessment: customer.latestAssessment as AssessmentSummary | undefined,
              plansInArrears: arrearsCountsOf(customer),
            },
      idempotency: toIdempotencyRecord(items.get(`${idempotencyKey.PK}|${idempotencyKey.SK}`)),
    };
  }

  async createPlan(creation: PlanCreation): Promise<void> {
    const { offer, plan, journal } = creation;
    const first = chainAuditEntry(plan.auditHead, creation.audit);
    const writes: NamedTransactItem[] = [
      {
        name: 'offerMustBeUnused',
        item: {
          Update: {
            TableName: this.tableName,
            Key: keys.offer(offer.customerId, offer.offerId),
            UpdateExpression: 'SET usedAt = :now, planId = :planId',
            ConditionExpression: `${CONDITIONS.itemMustExist} AND attribute_not_exists(usedAt)`,
            ExpressionAttributeValues: { ':now': plan.createdAt.toISOString(), ':planId': plan.planId },
          },
        },
      },
      customerLendingUpdate(this.tableName, offer.customerId, {
        exposureDeltaHalalas: plan.financedHalalas,
        borrowingLimitHalalas: creation.borrowingLimitHalalas,
        arrearsBucketBlocking: creation.arrearsBucketBlockingNewPlans,
        ...(creation.assessmentIdRead === undefined ? {} : { assessmentIdRead: creation.assessmentIdRead }),
      }),
      {
        name: 'planMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.plan(plan.planId), ...planAttributes(plan), auditHeadHash: first.hash, auditSequence: first.sequence },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      { name: 'auditEntryMustBeNew', item: auditEntryPut(this.tableName, keys.plan(plan.planId), first) },
      ...journalWrites(this.tableName, journal, planJournalScope(journal)),
      ...creation.events.map((event, index) => outboxPut(this.tableName, `eventMustBeNew${index}`, event.type, event.envelope)),
      { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, creation.idempotency.scope, creation.idempotency.response, plan.createdAt) },
    ];
    try {
      await writeTransaction(this.documentClient, writes);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('offerMustBeUnused')) throw lendingError('OFFER_ALREADY_USED', { cause: error });
      if (error.failed('customerMayBorrow')) {
        const customer = error.itemsAtFailure.get('customerMayBorrow') ?? {};
        const latestAssessmentId = (customer.latestAssessment as AssessmentSummary | undefined)?.assessmentId;
        if (creation.assessmentIdRead !== undefined && latestAssessmentId !== creation.assessmentIdRead) {
          throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
        }
        const rule = blocksNewPlans(arrearsCountsOf(customer), creation.arrearsBucketBlockingNewPlans) ? 'PLAN_IN_ARREARS' : 'EXPOSURE_LIMIT_EXCEEDED';
        throw lendingError(rule, { cause: error, details: [{ field: rule, issue: 'rule violated' }] });
      }
      throw error;
    }
  }

  async findPlan(planId: string): Promise<Plan | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.plan(planId), ConsistentRead: true }));
    return Item === undefined ? undefined : toPlan(Item);
  }

  async listPlans(customerId: string, limit: number, cursor: string | undefined): Promise<PlanPage> {
    const ownerPartition = keys.ownedBy(customerId, 'PLAN', '')[INDEXES.byOwner.partitionKey];
    const exclusiveStartKey = cursor === undefined ? undefined : planListStartKey(customerId, cursor);
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byOwner.indexName,
        KeyConditionExpression: '#owner = :owner AND begins_with(#kind, :plans)',
        ExpressionAttributeNames: { '#owner': INDEXES.byOwner.partitionKey, '#kind': INDEXES.byOwner.sortKey },
        ExpressionAttributeValues: { ':owner': ownerPartition, ':plans': 'PLAN#' },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    return {
      plans: Items.map(toPlan),
      nextCursor: LastEvaluatedKey === undefined ? undefined : Buffer.from(JSON.stringify(LastEvaluatedKey)).toString('base64url'),
    };
  }

  async listJournals(planId: string, limit: number, afterJournalId?: string): Promise<readonly Journal[]> {
    const { Items = [] } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :journals',
        ExpressionAttributeValues: { ':journals': keys.journals({ plan: planId }) },
        Limit: limit,
        ConsistentRead: true,
        ...(afterJournalId === undefined ? {} : { ExclusiveStartKey: keys.journal({ plan: planId }, afterJournalId) }),
      }),
    );
    return Items.map(toJournal);
  }

  async findApplicant(customerId: string): Promise<Applicant | undefined> {
    const { Item } = await this.documentClient.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.customer(customerId),
        ConsistentRead: true,
        ProjectionExpression: ['outstandingHalalas', 'latestAssessment', 'nationalIdKind', 'dateOfBirthCiphertext', 'ageVerifiedForMinimumHijriYears', ...Object.values(ARREARS_COUNT_ATTRIBUTES)].join(', '),
      }),
    );
    if (Item === undefined) return undefined;
    return {
      customerId,
      outstandingHalalas: Number(Item.outstandingHalalas ?? 0),
      latestAssessment: Item.latestAssessment as AssessmentSummary | undefined,
      plansInArrears: arrearsCountsOf(Item),
      nationalIdKind: Item.nationalIdKind as NationalIdKind,
      dateOfBirthCiphertext: String(Item.dateOfBirthCiphertext),
      ageVerifiedForMinimumHijriYears: Number(Item.ageVerifiedForMinimumHijriYears ?? 0),
    };
  }

  async cancelPlan(input: PlanCancellation): Promise<void> {
    const { plan, cancelled } = input;
    try {
      await writeTransaction(this.documentClient, [
        ...planUpdate(this.tableName, plan, cancelled, input.audit),
        customerLendingUpdate(this.tableName, plan.customerId, {
          exposureDeltaHalalas: -plan.outstandingHalalas,
          bucketChange: { from: plan.delinquencyBucket, to: cancelled.delinquencyBucket },
        }),
        ...journalWrites(this.tableName, input.journal, planJournalScope(input.journal)),
        ...input.events.map((event, index) => outboxPut(this.tableName, `eventMustBeNew${index}`, event.type, event.envelope)),
        { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, input.idempotency.scope, input.idempotency.response, input.cancelledAt) },
      ]);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('planUnchangedSinceRead')) throw kernelError('CONCURRENT_UPDATE', { cause: error });
      throw error;
    }
  }

  async loadPlanForUpdate(planId: string, scope: IdempotencyScope) {
    const planKey = keys.plan(planId);
    const idempotencyKey = idempotencyKeyOf(scope);
    const items = await this.batchGet([planKey, idempotencyKey]);
    const plan = items.get(`${planKey.PK}|${planKey.SK}`);
    return { plan: plan === undefined ? undefined : toPlan(plan), idempotency: toIdempotencyRecord(items.get(`${idempotencyKey.PK}|${idempotencyKey.SK}`)) };
  }

  async createPaymentIntent(input: {
    plan: Plan;
    payment: Payment;
    audit: AuditEntryContent;
    event: EventDetailEnvelope;
    idempotency: { scope: IdempotencyScope; response: StoredResponse };
  }): Promise<void> {
    const { plan, payment } = input;
    // The reservation changes the plan, so it joins the plan's audit chain. The entry's key is the next sequence
    // after the head read: a concurrent change that advanced the head first makes this put fail, never fork the chain.
    const entry = chainAuditEntry(plan.auditHead, input.audit);
    try {
      await writeTransaction(this.documentClient, [
        { name: 'auditEntryMustBeNew', item: auditEntryPut(this.tableName, keys.plan(plan.planId), entry) },
        {
          name: 'amountWithinPayableBalance',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.plan(plan.planId),
              // Bumping the version makes every plan update based on an earlier read (a settlement, a cancellation,
              // the delinquency job) fail its version condition instead of writing back a stale payable balance.
              UpdateExpression: 'SET auditHeadHash = :auditHeadHash, auditSequence = :auditSequence ADD payableHalalas :reserve, version :one',
              ConditionExpression: '#status = :active AND payableHalalas >= :amount',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':reserve': -payment.amountHalalas,
                ':amount': payment.amountHalalas,
                ':active': 'ACTIVE',
                ':one': 1,
                ':auditHeadHash': entry.hash,
                ':auditSequence': entry.sequence,
              },
            },
          },
        },
        {
          name: 'paymentMustBeNew',
          item: {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.payment(plan.planId, payment.paymentId),
                entityType: ENTITY_TYPES.payment,
                paymentId: payment.paymentId,
                planId: payment.planId,
                customerId: payment.customerId,
                amountHalalas: payment.amountHalalas,
                method: payment.method,
                purpose: payment.purpose,
                status: payment.status,
                checkoutReference: payment.checkoutReference,
                createdAt: payment.createdAt.toISOString(),
                expiresAt: payment.expiresAt.toISOString(),
                ...keys.intentExpiry(payment.expiresAt, payment.paymentId),
              },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        outboxPut(this.tableName, 'eventMustBeNew', PAYMENTS_EVENTS.paymentIntentCreated, input.event),
        { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, input.idempotency.scope, input.idempotency.response, payment.createdAt) },
      ]);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('amountWithinPayableBalance')) throw paymentsError('PAYMENT_EXCEEDS_BALANCE', { cause: error });
      if (error.failed('auditEntryMustBeNew')) throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
      throw error;
    }
  }

  async findPayment(planId: string, paymentId: string): Promise<Payment | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.payment(planId, paymentId), ConsistentRead: true }));
    return Item === undefined ? undefined : toPayment(Item);
  }

  async loadForSettlement(planId: string, paymentId: string, gatewayEventId: string) {
    const paymentKey = keys.payment(planId, paymentId);
    const planKey = keys.plan(planId);
    const eventKey = keys.gatewayEvent(gatewayEventId);
    const items = await this.batchGet([paymentKey, planKey, eventKey]);
    const payment = items.get(`${paymentKey.PK}|${paymentKey.SK}`);
    const plan = items.get(`${planKey.PK}|${planKey.SK}`);
    const seenEvent = items.get(`${eventKey.PK}|${eventKey.SK}`);
    return {
      payment: payment === undefined ? undefined : toPayment(payment),
      plan: plan === undefined ? undefined : toPlan(plan),
      gatewayEvent: seenEvent === undefined ? undefined : { heldForReconciliation: seenEvent.reconciliationItemId !== undefined },
    };
  }

  async settlePayment(settlement: PaymentSettlement): Promise<'settled' | 'duplicate'> {
    const { payment, planBefore, planAfter } = settlement;
    const confirmed = payment.status === 'CONFIRMED';
    const writes: NamedTransactItem[] = [
      {
        name: 'gatewayEventMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.gatewayEvent(settlement.gatewayEventId), entityType: ENTITY_TYPES.gatewayEvent, paymentId: payment.paymentId },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      {
        name: 'paymentMustBePending',
        item: {
          Update: {
            TableName: this.tableName,
            Key: keys.payment(payment.planId, payment.paymentId),
            // Leaving the expiry index: a settled payment has nothing left to expire.
            UpdateExpression: 'SET #status = :status, settledAt = :settledAt, settledBy = :settledBy REMOVE #expiryKey, #expirySort',
            ConditionExpression: '#status = :previousStatus',
            ExpressionAttributeNames: { '#status': 'status', '#expiryKey': INDEXES.byDueDate.partitionKey, '#expirySort': INDEXES.byDueDate.sortKey },
            ExpressionAttributeValues: {
              ':status': payment.status,
              ':settledAt': payment.settledAt?.toISOString(),
              ':settledBy': payment.settledBy ?? 'payment-gateway',
              ':previousStatus': settlement.previousStatus,
            },
          },
        },
      },
      ...planUpdate(this.tableName, planBefore, planAfter, settlement.audit),
      ...(confirmed
        ? [customerLendingUpdate(this.tableName, payment.customerId, { exposureDeltaHalalas: -payment.amountHalalas, bucketChange: { from: planBefore.delinquencyBucket, to: planAfter.delinquencyBucket } })]
        : []),
      ...(settlement.journal === undefined ? [] : journalWrites(this.tableName, settlement.journal, planJournalScope(settlement.journal))),
      ...settlement.events.map((event, index) => outboxPut(this.tableName, `eventMustBeNew${index}`, event.type, event.envelope)),
    ];
    try {
      await writeTransaction(this.documentClient, writes);
      return 'settled';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      // Only a gateway event already recorded is a duplicate. A payment or plan that changed since the read (the
      // expiry job, or another outcome under another event id, committed first) is a lost race: the caller re-reads
      // and decides again, which may take the late-confirmation path. Acknowledging it would drop paid money.
      if (error.failed('gatewayEventMustBeNew')) return 'duplicate';
      throw kernelError('CONCURRENT_UPDATE', { cause: error });
    }
  }

  /** Every byDueDate item of the given partitions whose sort key is below `sortKeyBelow`, page by page. */
  private async *dueItems(partitions: readonly string[], sortKeyBelow: string, pageSize: number): AsyncIterable<Record<string, unknown>> {
    for (const partition of partitions) {
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await this.documentClient.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: INDEXES.byDueDate.indexName,
            KeyConditionExpression: '#due = :partition AND #sort < :below',
            ExpressionAttributeNames: { '#due': INDEXES.byDueDate.partitionKey, '#sort': INDEXES.byDueDate.sortKey },
            ExpressionAttributeValues: { ':partition': partition, ':below': sortKeyBelow },
            Limit: pageSize,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        );
        yield* page.Items ?? [];
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey !== undefined);
    }
  }

  async *listExpiredPaymentIntents(now: Date, pageSize: number): AsyncIterable<Payment> {
    for await (const item of this.dueItems(keys.intentExpiryPartitions(), now.toISOString(), pageSize)) yield toPayment(item);
  }

  async *listPlansDueBefore(today: string, monthsBack: number, pageSize: number): AsyncIterable<Plan> {
    const [year, month] = today.split('-').map(Number) as [number, number];
    for (let offset = monthsBack; offset >= 0; offset -= 1) {
      const monthIndex = year * 12 + (month - 1) - offset;
      const yearMonth = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
      for await (const item of this.dueItems(keys.dueMonthPartitions(yearMonth), today, pageSize)) yield toPlan(item);
    }
  }

  async markDelinquency(input: { plan: Plan; updated: Plan; audit: AuditEntryContent; events: readonly PlanEvent[] }): Promise<void> {
    const { plan, updated } = input;
    const bucketChange = { from: plan.delinquencyBucket, to: updated.delinquencyBucket };
    try {
      await writeTransaction(this.documentClient, [
        ...planUpdate(this.tableName, plan, updated, input.audit),
        ...(bucketChange.from === bucketChange.to ? [] : [customerLendingUpdate(this.tableName, plan.customerId, { exposureDeltaHalalas: 0, bucketChange })]),
        ...input.events.map((event, index) => outboxPut(this.tableName, `eventMustBeNew${index}`, event.type, event.envelope)),
      ]);
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('planUnchangedSinceRead')) throw kernelError('CONCURRENT_UPDATE', { cause: error });
      throw error;
    }
  }

  async trialBalance(): Promise<ReadonlyMap<LedgerAccount, { debitHalalas: number; creditHalalas: number }>> {
    const balances = new Map<LedgerAccount, { debitHalalas: number; creditHalalas: number }>();
    for (const account of LEDGER_ACCOUNTS) {
      const { Items = [] } = await this.documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :account',
          ExpressionAttributeValues: { ':account': keys.ledgerBalance(account, 0).PK },
          ConsistentRead: true,
          Limit: LEDGER_BALANCE_SHARDS,
        }),
      );
      balances.set(account, {
        debitHalalas: Items.reduce((sum, item) => sum + Number(item.debitHalalas ?? 0), 0),
        creditHalalas: Items.reduce((sum, item) => sum + Number(item.creditHalalas ?? 0), 0),
      });
    }
    return balances;
  }
}

export type { TransactItem };

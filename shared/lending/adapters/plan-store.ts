/** Plans: creating one from an offer, reading and listing them, their statements, and cancelling one. */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEntryPut, canonicalJson, chainAuditEntry } from '../../audit/index.ts';
import { customerKeys } from '../../customers/index.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { idempotencyKeyInUse, type IdempotencyScope } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyKeyOf, idempotencyRecordPut, toIdempotencyRecord } from '../../kernel/idempotency/idempotency-store.ts';
import { ULID_PATTERN } from '../../kernel/clock-and-ids.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { INDEXES, ownerPartition } from '../../kernel/storage/table.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { queryJournals } from '../../ledger/index.ts';
import { lendingError } from '../api/error-codes.ts';
import type { Journal, PlanCancellation, PlanCreation, PlanPage, PlanStore } from '../app/ports.ts';
import { blocksNewPlans } from '../domain/delinquency.ts';
import type { AssessmentSummary } from '../domain/offer-policy.ts';
import type { Plan } from '../domain/plan.ts';
import { keys } from './keys.ts';
import { arrearsCountsOf, customerLendingUpdate, planAttributes, planCancellationWrites, planJournalWrites, toOffer, toPlan } from './plan-items.ts';

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
  const planSortKeyPrefix = keys.ownedPlanPrefix;
  const planId = typeof sortKey === 'string' && sortKey.startsWith(planSortKeyPrefix) ? sortKey.slice(planSortKeyPrefix.length) : '';
  const startKey = { ...keys.plan(planId), ...keys.ownedPlan(customerId, planId) };
  const matches = ULID_PATTERN.test(planId) && canonicalJson(decoded) === canonicalJson(startKey);
  if (!matches) throw kernelError('VALIDATION_FAILED', { details: [{ field: 'query.cursor', issue: 'not a cursor from this list' }] });
  return startKey;
}

export class DynamoDbPlanStore implements PlanStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async loadForPlanCreation(customerId: string, offerId: string, scope: IdempotencyScope) {
    const offerKey = keys.offer(customerId, offerId);
    const customerKey = customerKeys.customer(customerId);
    const idempotencyKey = idempotencyKeyOf(scope);
    const items = await batchGetItems(this.documentClient, this.tableName, [offerKey, customerKey, idempotencyKey]);
    const offer = items.get(offerKey);
    const customer = items.get(customerKey);
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
      idempotency: toIdempotencyRecord(items.get(idempotencyKey)),
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
      ...planJournalWrites(this.tableName, journal),
      ...outboxPuts(this.tableName, creation.events),
      { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, creation.idempotency.scope, creation.idempotency.response, plan.createdAt) },
      ...((creation.purchase?.writes ?? []) as NamedTransactItem[]),
    ];
    try {
      await writeTransaction(this.documentClient, writes);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('offerMustBeUnused')) throw lendingError('OFFER_ALREADY_USED', { cause: error });
      const purchaseRefusal = creation.purchase?.refusalFor(error.failedConditions, error.itemsAtFailure);
      if (purchaseRefusal !== undefined) throw purchaseRefusal;
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
        const exclusiveStartKey = cursor === undefined ? undefined : planListStartKey(customerId, cursor);
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byOwner.indexName,
        KeyConditionExpression: '#owner = :owner AND begins_with(#kind, :plans)',
        ExpressionAttributeNames: { '#owner': INDEXES.byOwner.partitionKey, '#kind': INDEXES.byOwner.sortKey },
        ExpressionAttributeValues: { ':owner': ownerPartition(customerId), ':plans': keys.ownedPlanPrefix },
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
    const journals = await queryJournals(this.documentClient, this.tableName, keys.planLedger(planId), limit, afterJournalId);
    return journals.map((journal) => ({ ...journal, planId }));
  }

  async cancelPlan(input: PlanCancellation): Promise<void> {
    const { plan, cancelled } = input;
    try {
      await writeTransaction(this.documentClient, [
        ...planCancellationWrites(this.tableName, { plan, cancelled, journal: input.journal, audit: input.audit }),
        ...outboxPuts(this.tableName, input.events),
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
    const items = await batchGetItems(this.documentClient, this.tableName, [planKey, idempotencyKey]);
    const plan = items.get(planKey);
    return { plan: plan === undefined ? undefined : toPlan(plan), idempotency: toIdempotencyRecord(items.get(idempotencyKey)) };
  }
}

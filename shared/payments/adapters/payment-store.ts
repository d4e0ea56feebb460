/**
 * Payment intents and their settlement. A settlement spans contexts: it writes the payment and the gateway's replay
 * guard (payments), the plan and the customer's exposure (lending), the journal (ledger), the audit entry (audit)
 * and the events (outbox). Each context builds its own items; this store commits them in one transaction.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { idempotencyKeyInUse } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyRecordPut } from '../../kernel/idempotency/idempotency-store.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { itemsBelow } from '../../kernel/storage/index-query.ts';
import { INDEXES } from '../../kernel/storage/table.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { customerLendingUpdate, lendingKeys, payableReservation, planJournalWrites, planUpdate, toPlan } from '../../lending/index.ts';
import { projectKeys, projectUpdate, toProject } from '../../projects/index.ts';
import type { IdempotencyScope } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyKeyOf, toIdempotencyRecord } from '../../kernel/idempotency/idempotency-store.ts';
import { paymentsError } from '../api/error-codes.ts';
import { PAYMENTS_EVENTS } from '../api/events.ts';
import type { DownPaymentIntentCreation, DownPaymentSettlement, PaymentIntentCreation, PaymentSettlement, PaymentStore } from '../app/ports.ts';
import type { Payment } from '../domain/payment.ts';
import { keys } from './keys.ts';
import { gatewayEventPut, paymentIntentPut, paymentSettledUpdate, toPayment } from './payment-items.ts';

export class DynamoDbPaymentStore implements PaymentStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createPaymentIntent(input: PaymentIntentCreation): Promise<void> {
    const { plan, payment } = input;
    try {
      await writeTransaction(this.documentClient, [
        ...payableReservation(this.tableName, plan, payment.amountHalalas, input.audit),
        paymentIntentPut(this.tableName, payment),
        ...outboxPuts(this.tableName, [{ type: PAYMENTS_EVENTS.paymentIntentCreated, envelope: input.event }]),
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
    const planKey = lendingKeys.plan(planId);
    const eventKey = keys.gatewayEvent(gatewayEventId);
    // A project shares its plan's id, so a down payment's project is read in the same round trip.
    const projectKey = projectKeys.project(planId);
    const items = await batchGetItems(this.documentClient, this.tableName, [paymentKey, planKey, eventKey, projectKey]);
    const payment = items.get(paymentKey);
    const plan = items.get(planKey);
    const project = items.get(projectKey);
    const seenEvent = items.get(eventKey);
    return {
      payment: payment === undefined ? undefined : toPayment(payment),
      plan: plan === undefined ? undefined : toPlan(plan),
      project: project === undefined ? undefined : toProject(project),
      gatewayEvent: seenEvent === undefined ? undefined : { heldForReconciliation: seenEvent.reconciliationItemId !== undefined },
    };
  }

  async settlePayment(settlement: PaymentSettlement): Promise<'settled' | 'duplicate'> {
    const { payment, planBefore, planAfter } = settlement;
    const confirmed = payment.status === 'CONFIRMED';
    const bucketChange = { from: planBefore.delinquencyBucket, to: planAfter.delinquencyBucket };
    const writes: NamedTransactItem[] = [
      gatewayEventPut(this.tableName, settlement.gatewayEventId, { paymentId: payment.paymentId }),
      paymentSettledUpdate(this.tableName, payment, settlement.previousStatus),
      ...planUpdate(this.tableName, planBefore, planAfter, settlement.audit),
      ...(confirmed ? [customerLendingUpdate(this.tableName, payment.customerId, { exposureDeltaHalalas: -payment.amountHalalas, bucketChange })] : []),
      ...(settlement.journal === undefined ? [] : planJournalWrites(this.tableName, settlement.journal)),
      ...outboxPuts(this.tableName, settlement.events),
    ];
    return this.commitGatewayOutcome(writes);
  }

  /**
   * Commits what a gateway event settles, once. Only a gateway event already recorded is a duplicate. A payment, plan
   * or project that changed since the read (the expiry job, or another outcome under another event id, committed
   * first) is a lost race: the caller re-reads and decides again, which may take the late-confirmation path.
   * Acknowledging it would drop paid money.
   */
  private async commitGatewayOutcome(writes: readonly NamedTransactItem[]): Promise<'settled' | 'duplicate'> {
    try {
      await writeTransaction(this.documentClient, writes);
      return 'settled';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('gatewayEventMustBeNew')) return 'duplicate';
      throw kernelError('CONCURRENT_UPDATE', { cause: error });
    }
  }

  async loadProjectForDownPayment(projectId: string, scope: IdempotencyScope) {
    const projectKey = projectKeys.project(projectId);
    const idempotencyKey = idempotencyKeyOf(scope);
    const items = await batchGetItems(this.documentClient, this.tableName, [projectKey, idempotencyKey]);
    const project = items.get(projectKey);
    return { project: project === undefined ? undefined : toProject(project), idempotency: toIdempotencyRecord(items.get(idempotencyKey)) };
  }

  async createDownPaymentIntent(input: DownPaymentIntentCreation): Promise<void> {
    try {
      await writeTransaction(this.documentClient, [
        // The project's version guards against a second attempt racing this one: one pending down payment at a time.
        ...projectUpdate(this.tableName, input.project, input.projectAfter, input.audit),
        paymentIntentPut(this.tableName, input.payment),
        ...outboxPuts(this.tableName, [{ type: PAYMENTS_EVENTS.paymentIntentCreated, envelope: input.event }]),
        { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, input.idempotency.scope, input.idempotency.response, input.payment.createdAt) },
      ]);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      throw kernelError('CONCURRENT_UPDATE', { cause: error, headers: { 'Retry-After': '1' } });
    }
  }

  async settleDownPayment(settlement: DownPaymentSettlement): Promise<'settled' | 'duplicate'> {
    const { payment } = settlement;
    const writes: NamedTransactItem[] = [
      gatewayEventPut(this.tableName, settlement.gatewayEventId, { paymentId: payment.paymentId }),
      paymentSettledUpdate(this.tableName, payment, settlement.previousStatus),
      ...projectUpdate(this.tableName, settlement.projectBefore, settlement.projectAfter, settlement.audit),
      ...(settlement.journal === undefined ? [] : planJournalWrites(this.tableName, settlement.journal)),
      ...outboxPuts(this.tableName, settlement.events),
    ];
    return this.commitGatewayOutcome(writes);
  }

  async findProject(projectId: string) {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: projectKeys.project(projectId), ConsistentRead: true }));
    return Item === undefined ? undefined : toProject(Item);
  }

  async loadForRefund(projectId: string, gatewayEventId: string) {
    const projectKey = projectKeys.project(projectId);
    const eventKey = keys.gatewayEvent(gatewayEventId);
    const items = await batchGetItems(this.documentClient, this.tableName, [projectKey, eventKey]);
    const project = items.get(projectKey);
    return { project: project === undefined ? undefined : toProject(project), gatewayEventSeen: items.get(eventKey) !== undefined };
  }

  async settleRefund(settlement: Parameters<PaymentStore['settleRefund']>[0]): Promise<'settled' | 'duplicate'> {
    return this.commitGatewayOutcome([
      gatewayEventPut(this.tableName, settlement.gatewayEventId, { refundId: settlement.projectAfter.refund?.refundId ?? '' }),
      ...projectUpdate(this.tableName, settlement.projectBefore, settlement.projectAfter, settlement.audit),
      ...(settlement.journal === undefined ? [] : planJournalWrites(this.tableName, settlement.journal)),
    ]);
  }

  async *listExpiredPaymentIntents(now: Date, pageSize: number): AsyncIterable<Payment> {
    const expired = itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, keys.intentExpiryPartitions(), now.toISOString(), pageSize);
    for await (const item of expired) yield toPayment(item);
  }
}

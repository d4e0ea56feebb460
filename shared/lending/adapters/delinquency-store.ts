/** The delinquency job's reads (plans due, through the due-date index) and its guarded plan updates. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntryContent } from '../../audit/index.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { itemsBelow } from '../../kernel/storage/index-query.ts';
import { INDEXES } from '../../kernel/storage/table.ts';
import { TransactionConditionFailed, writeTransaction } from '../../kernel/storage/unit-of-work.ts';
import type { DelinquencyStore, PlanEvent } from '../app/ports.ts';
import type { Plan } from '../domain/plan.ts';
import { keys } from './keys.ts';
import { customerLendingUpdate, planUpdate, toPlan } from './plan-items.ts';

export class DynamoDbDelinquencyStore implements DelinquencyStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *listPlansDueBefore(today: string, monthsBack: number, pageSize: number): AsyncIterable<Plan> {
    const [year, month] = today.split('-').map(Number) as [number, number];
    for (let offset = monthsBack; offset >= 0; offset -= 1) {
      const monthIndex = year * 12 + (month - 1) - offset;
      const yearMonth = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
      const due = itemsBelow(this.documentClient, this.tableName, INDEXES.byDueDate, keys.dueMonthPartitions(yearMonth), today, pageSize);
      for await (const item of due) yield toPlan(item);
    }
  }

  async markDelinquency(input: { plan: Plan; updated: Plan; audit: AuditEntryContent; events: readonly PlanEvent[] }): Promise<void> {
    const { plan, updated } = input;
    const bucketChange = { from: plan.delinquencyBucket, to: updated.delinquencyBucket };
    try {
      await writeTransaction(this.documentClient, [
        ...planUpdate(this.tableName, plan, updated, input.audit),
        ...(bucketChange.from === bucketChange.to ? [] : [customerLendingUpdate(this.tableName, plan.customerId, { exposureDeltaHalalas: 0, bucketChange })]),
        ...outboxPuts(this.tableName, input.events),
      ]);
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('planUnchangedSinceRead')) throw kernelError('CONCURRENT_UPDATE', { cause: error });
      throw error;
    }
  }
}

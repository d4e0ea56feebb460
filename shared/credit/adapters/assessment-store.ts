/**
 * Credit assessments, in the customer's partition. Requesting one appends to the customer's audit chain, and a
 * result becomes the customer's latest assessment summary, which lending reads in the same GetItem as exposure.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntryContent } from '../../audit/index.ts';
import { customerAuditAppend, customerKeys, type CustomerRecord } from '../../customers/index.ts';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { CREDIT_EVENTS } from '../api/events.ts';
import type { AssessmentStore } from '../app/ports.ts';
import type { AssessmentFailureReason, AssessmentStatus, CreditAssessment } from '../domain/assessment.ts';
import type { RiskCategory } from '../domain/risk-assessment.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

const optionalDate = (value: unknown): Date | undefined => (value === undefined ? undefined : new Date(String(value)));

function toAssessment(item: Record<string, unknown>): CreditAssessment {
  return {
    assessmentId: String(item.assessmentId),
    customerId: String(item.customerId),
    status: item.status as AssessmentStatus,
    consentGivenAt: new Date(String(item.consentGivenAt)),
    requestedAt: new Date(String(item.requestedAt)),
    completedAt: optionalDate(item.completedAt),
    score: item.score === undefined ? undefined : Number(item.score),
    grade: item.grade === undefined ? undefined : String(item.grade),
    riskCategory: item.riskCategory as RiskCategory | undefined,
    maximumFinancingHalalas: item.maximumFinancingHalalas === undefined ? undefined : Number(item.maximumFinancingHalalas),
    failureReason: item.failureReason as AssessmentFailureReason | undefined,
  };
}

export class DynamoDbAssessmentStore implements AssessmentStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createAssessment(assessment: CreditAssessment, customer: CustomerRecord, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<boolean> {
    const assessmentKey = keys.creditAssessment(assessment.customerId, assessment.assessmentId);
    const writes: NamedTransactItem[] = [
      ...customerAuditAppend(this.tableName, customer, audit),
      {
        name: 'assessmentMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...assessmentKey,
              entityType: ENTITY_TYPES.creditAssessment,
              ...keys.ownedAssessment(assessment.customerId, assessment.assessmentId),
              assessmentId: assessment.assessmentId,
              customerId: assessment.customerId,
              status: assessment.status,
              consentGivenAt: assessment.consentGivenAt.toISOString(),
              requestedAt: assessment.requestedAt.toISOString(),
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      ...outboxPuts(this.tableName, [{ type: CREDIT_EVENTS.creditAssessmentRequested, envelope: event }]),
    ];
    try {
      await writeTransaction(this.documentClient, writes);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && (error.failed('customerUnchangedSinceRead') || error.failed('auditEntryMustBeNew'))) return false;
      throw error;
    }
  }

  async findAssessment(customerId: string, assessmentId: string): Promise<CreditAssessment | undefined> {
    const { Item } = await this.documentClient.send(
      new GetCommand({ TableName: this.tableName, Key: keys.creditAssessment(customerId, assessmentId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : toAssessment(Item);
  }

  /**
   * Plan creation re-checks the latest assessment from the customer item, in the same read as the exposure. A result
   * becomes the latest unless a newer one already is (ULIDs sort by time), and a failure never replaces a completed
   * assessment: it says nothing about creditworthiness. Deliveries can settle out of order, hence the condition.
   */
  private latestAssessmentUpdate(assessment: CreditAssessment): NamedTransactItem {
    const completed = assessment.status === 'COMPLETED';
    const latestIsOlder = 'latestAssessment.assessmentId < :assessmentId';
    const latestNotCompleted = 'latestAssessment.#latestStatus <> :completed';
    return {
      name: 'latestAssessmentNotNewer',
      item: {
        Update: {
          TableName: this.tableName,
          Key: customerKeys.customer(assessment.customerId),
          UpdateExpression: 'SET latestAssessment = :summary',
          ConditionExpression: `${CONDITIONS.itemMustExist} AND (attribute_not_exists(latestAssessment) OR latestAssessment.assessmentId = :assessmentId OR ${
            completed ? `${latestIsOlder} OR ${latestNotCompleted}` : `(${latestIsOlder} AND ${latestNotCompleted})`
          })`,
          ExpressionAttributeNames: { '#latestStatus': 'status' },
          ExpressionAttributeValues: {
            ':assessmentId': assessment.assessmentId,
            ':completed': 'COMPLETED',
            ':summary': {
              assessmentId: assessment.assessmentId,
              status: assessment.status,
              ...(completed
                ? { riskCategory: assessment.riskCategory, maximumFinancingHalalas: assessment.maximumFinancingHalalas, completedAt: assessment.completedAt?.toISOString() }
                : {}),
            },
          },
        },
      },
    };
  }

  async settleAssessment(assessment: CreditAssessment, event: EventDetailEnvelope): Promise<boolean> {
    try {
      return await this.writeSettlement(assessment, event, true);
    } catch (error) {
      // A newer result is already the customer's latest: settle this assessment without touching the summary.
      if (error instanceof TransactionConditionFailed && error.failed('latestAssessmentNotNewer')) return this.writeSettlement(assessment, event, false);
      throw error;
    }
  }

  private async writeSettlement(assessment: CreditAssessment, event: EventDetailEnvelope, updateLatest: boolean): Promise<boolean> {
    const completed = assessment.status === 'COMPLETED';
    const fields: Record<string, unknown> = completed
      ? { score: assessment.score, grade: assessment.grade, riskCategory: assessment.riskCategory, maximumFinancingHalalas: assessment.maximumFinancingHalalas, completedAt: assessment.completedAt?.toISOString() }
      : { failureReason: assessment.failureReason, failedAt: assessment.completedAt?.toISOString() };
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'assessmentNotYetCompleted',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.creditAssessment(assessment.customerId, assessment.assessmentId),
              UpdateExpression: `SET #status = :status, ${entries.map(([field]) => `${field} = :${field}`).join(', ')}`,
              ConditionExpression: `${CONDITIONS.itemMustExist} AND #status <> :completed`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':status': assessment.status,
                ':completed': 'COMPLETED',
                ...Object.fromEntries(entries.map(([field, value]) => [`:${field}`, value])),
              },
            },
          },
        },
        ...(updateLatest ? [this.latestAssessmentUpdate(assessment)] : []),
        ...outboxPuts(this.tableName, [{ type: completed ? CREDIT_EVENTS.creditAssessmentCompleted : CREDIT_EVENTS.creditAssessmentFailed, envelope: event }]),
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('assessmentNotYetCompleted')) return false;
      throw error;
    }
  }
}

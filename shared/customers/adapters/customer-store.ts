import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetailEnvelope, EventTypeDefinition } from '../../kernel/messaging/event-type.ts';
import type { AuditEntryContent } from '../../audit/domain/audit-chain.ts';
import type { RiskCategory } from '../../credit/domain/risk-assessment.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import type {
  AssessmentFailureReason,
  AssessmentStatus,
  CreditAssessment,
  CustomerRecord,
  CustomerStore,
  EncryptedContact,
  PreferredLanguage,
} from '../app/customer-store.ts';
import { buildOutboxItem } from '../../kernel/messaging/outbox.ts';
import { appendAuditToExistingAggregate, auditHeadOf, firstAuditEntry } from '../../audit/adapters/audit-items.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { ENTITY_TYPES, keys } from '../../catalog/keys.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { CUSTOMERS_EVENTS } from '../api/events.ts';
import { CREDIT_EVENTS } from '../../credit/index.ts';

const optionalDate = (value: unknown): Date | undefined => (value === undefined ? undefined : new Date(String(value)));

function toCustomer(item: Record<string, unknown>): CustomerRecord {
  return {
    customerId: String(item.customerId),
    nationalIdCiphertext: String(item.nationalIdCiphertext),
    nationalIdKind: item.nationalIdKind as NationalIdKind,
    fullNameArCiphertext: String(item.fullNameArCiphertext),
    fullNameEnCiphertext: String(item.fullNameEnCiphertext),
    phoneCiphertext: String(item.phoneCiphertext),
    emailCiphertext: String(item.emailCiphertext),
    dateOfBirthCiphertext: String(item.dateOfBirthCiphertext),
    city: String(item.city),
    preferredLanguage: item.preferredLanguage as PreferredLanguage,
    registeredAt: new Date(String(item.registeredAt)),
    ageVerifiedForMinimumHijriYears: Number(item.ageVerifiedForMinimumHijriYears ?? 0),
    auditHead: auditHeadOf(item),
  };
}

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

export class DynamoDbCustomerStore implements CustomerStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private outboxPut(name: string, eventType: EventTypeDefinition, event: EventDetailEnvelope): NamedTransactItem {
    return { name, item: { Put: { TableName: this.tableName, Item: buildOutboxItem(eventType, event), ConditionExpression: CONDITIONS.itemMustNotExist } } };
  }

  async register(customer: CustomerRecord, nationalIdBlindIndex: string, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<boolean> {
    const customerKey = keys.customer(customer.customerId);
    const first = firstAuditEntry(this.tableName, customerKey, audit);
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'customerMustBeNew',
          item: {
            Put: {
              TableName: this.tableName,
              Item: {
                ...customerKey,
                entityType: ENTITY_TYPES.customer,
                customerId: customer.customerId,
                nationalIdCiphertext: customer.nationalIdCiphertext,
                nationalIdKind: customer.nationalIdKind,
                fullNameArCiphertext: customer.fullNameArCiphertext,
                fullNameEnCiphertext: customer.fullNameEnCiphertext,
                phoneCiphertext: customer.phoneCiphertext,
                emailCiphertext: customer.emailCiphertext,
                dateOfBirthCiphertext: customer.dateOfBirthCiphertext,
                city: customer.city,
                preferredLanguage: customer.preferredLanguage,
                registeredAt: customer.registeredAt.toISOString(),
                outstandingHalalas: 0,
                ageVerifiedForMinimumHijriYears: customer.ageVerifiedForMinimumHijriYears,
                ...first.headAttributes,
              },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        {
          name: 'nationalIdNotYetACustomer',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.nationalIdGuard(nationalIdBlindIndex),
              UpdateExpression: 'SET customerId = :customerId',
              ConditionExpression: `${CONDITIONS.itemMustExist} AND attribute_not_exists(customerId)`,
              ExpressionAttributeValues: { ':customerId': customer.customerId },
            },
          },
        },
        { name: 'auditEntryMustBeNew', item: first.put },
        this.outboxPut('eventMustBeNew', CUSTOMERS_EVENTS.customerRegistered, event),
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && (error.failed('customerMustBeNew') || error.failed('nationalIdNotYetACustomer'))) return false;
      throw error;
    }
  }

  async find(customerId: string): Promise<CustomerRecord | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.customer(customerId), ConsistentRead: true }));
    return Item === undefined ? undefined : toCustomer(Item);
  }

  async updateContact(
    customer: CustomerRecord,
    changes: Partial<EncryptedContact & { city: string; preferredLanguage: PreferredLanguage }>,
    audit: AuditEntryContent,
  ): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    return this.appendAuditWith(customer, audit, {
      set: [...entries.map(([field]) => `#${field} = :${field}`), 'updatedAt = :updatedAt'],
      names: Object.fromEntries(entries.map(([field]) => [`#${field}`, field])),
      values: { ...Object.fromEntries(entries.map(([field, value]) => [`:${field}`, value])), ':updatedAt': audit.occurredAt },
    });
  }

  async appendAudit(customer: CustomerRecord, audit: AuditEntryContent): Promise<boolean> {
    return this.appendAuditWith(customer, audit, {});
  }

  private async appendAuditWith(
    customer: CustomerRecord,
    audit: AuditEntryContent,
    extra: Parameters<typeof appendAuditToExistingAggregate>[4],
    additional: NamedTransactItem[] = [],
  ): Promise<boolean> {
    const [entryPut, headUpdate] = appendAuditToExistingAggregate(this.tableName, keys.customer(customer.customerId), customer.auditHead, audit, extra);
    try {
      await writeTransaction(this.documentClient, [
        { name: 'auditEntryMustBeNew', item: entryPut! },
        { name: 'customerUnchangedSinceRead', item: headUpdate! },
        ...additional,
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && (error.failed('customerUnchangedSinceRead') || error.failed('auditEntryMustBeNew'))) return false;
      throw error;
    }
  }

  async createAssessment(assessment: CreditAssessment, customer: CustomerRecord, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<boolean> {
    const assessmentKey = keys.creditAssessment(assessment.customerId, assessment.assessmentId);
    return this.appendAuditWith(customer, audit, {}, [
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
      this.outboxPut('eventMustBeNew', CREDIT_EVENTS.creditAssessmentRequested, event),
    ]);
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
          Key: keys.customer(assessment.customerId),
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
        this.outboxPut('eventMustBeNew', completed ? CREDIT_EVENTS.creditAssessmentCompleted : CREDIT_EVENTS.creditAssessmentFailed, event),
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('assessmentNotYetCompleted')) return false;
      throw error;
    }
  }
}

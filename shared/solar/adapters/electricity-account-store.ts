/**
 * Electricity accounts, in the customer's partition. Linking one appends the consent to the customer's audit chain;
 * an import's outcome is settled conditionally, so a duplicate delivery or a late retry has one effect.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntryContent } from '../../audit/index.ts';
import { customerAuditAppend, type CustomerRecord } from '../../customers/index.ts';
import type { EventDetailEnvelope, EventTypeDefinition } from '../../kernel/messaging/event-type.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { SOLAR_EVENTS } from '../api/events.ts';
import type { ElectricityAccountStore } from '../app/ports.ts';
import type { ElectricityAccount, MonthlyConsumption } from '../domain/electricity-account.ts';
import { toElectricityAccount } from './electricity-account-items.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

export class DynamoDbElectricityAccountStore implements ElectricityAccountStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async linkAccount(account: ElectricityAccount, accountNumberBlindIndex: string, customer: CustomerRecord, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<'linked' | 'already-linked' | 'customer-changed'> {
    const writes: NamedTransactItem[] = [
      ...customerAuditAppend(this.tableName, customer, audit),
      {
        name: 'accountNumberNotYetLinked',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.electricityAccountNumberGuard(account.customerId, accountNumberBlindIndex),
              entityType: ENTITY_TYPES.electricityAccountNumberGuard,
              accountId: account.accountId,
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      {
        name: 'accountMustBeNew',
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.electricityAccount(account.customerId, account.accountId),
              entityType: ENTITY_TYPES.electricityAccount,
              accountId: account.accountId,
              customerId: account.customerId,
              cityId: account.cityId,
              status: account.status,
              accountNumberCiphertext: account.accountNumberCiphertext,
              consentGivenAt: account.consentGivenAt.toISOString(),
              linkedAt: account.linkedAt.toISOString(),
            },
            ConditionExpression: CONDITIONS.itemMustNotExist,
          },
        },
      },
      ...outboxPuts(this.tableName, [{ type: SOLAR_EVENTS.electricityAccountLinked, envelope: event }]),
    ];
    try {
      await writeTransaction(this.documentClient, writes);
      return 'linked';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('accountNumberNotYetLinked')) return 'already-linked';
      if (error.failed('customerUnchangedSinceRead') || error.failed('auditEntryMustBeNew')) return 'customer-changed';
      throw error;
    }
  }

  async findAccount(customerId: string, accountId: string): Promise<ElectricityAccount | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.electricityAccount(customerId, accountId), ConsistentRead: true }));
    return Item === undefined ? undefined : toElectricityAccount(Item);
  }

  async recordImport(account: ElectricityAccount, months: readonly MonthlyConsumption[], importedAt: Date, event: EventDetailEnvelope): Promise<boolean> {
    return this.settle(account, 'SET #status = :imported, months = :months, importedAt = :importedAt REMOVE failureReason, failedAt', { ':imported': 'IMPORTED', ':months': months, ':importedAt': importedAt.toISOString() }, SOLAR_EVENTS.electricityConsumptionImported, event);
  }

  async recordImportFailure(account: ElectricityAccount, failure: Pick<ElectricityAccount, 'failureReason'> & { readonly failedAt: Date }, event: EventDetailEnvelope): Promise<boolean> {
    return this.settle(account, 'SET #status = :failed, failureReason = :reason, failedAt = :failedAt', { ':failed': 'FAILED', ':reason': failure.failureReason, ':failedAt': failure.failedAt.toISOString() }, SOLAR_EVENTS.electricityConsumptionImportFailed, event);
  }

  /** An IMPORTED account is final: a duplicate delivery, or a failure after success, changes nothing. */
  private async settle(account: ElectricityAccount, updateExpression: string, values: Record<string, unknown>, eventType: EventTypeDefinition, event: EventDetailEnvelope): Promise<boolean> {
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'accountNotYetImported',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.electricityAccount(account.customerId, account.accountId),
              UpdateExpression: updateExpression,
              ConditionExpression: `${CONDITIONS.itemMustExist} AND #status <> :importedStatus`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ...values, ':importedStatus': 'IMPORTED' },
            },
          },
        },
        ...outboxPuts(this.tableName, [{ type: eventType, envelope: event }]),
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('accountNotYetImported')) return false;
      throw error;
    }
  }
}

/** Customers: registration with its national-ID guard, the encrypted profile, contact changes and the audit chain. */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { appendAuditToExistingAggregate, auditHeadOf, firstAuditEntry, type AuditEntryContent } from '../../audit/index.ts';
import { identityKeys } from '../../identity/index.ts';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { TransactionConditionFailed, writeTransaction, type NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { CUSTOMERS_EVENTS } from '../api/events.ts';
import type { CustomerRecord, CustomerStore, EncryptedContact, PreferredLanguage } from '../app/customer-store.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

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

/**
 * An audit entry appended to the customer's chain, with the head advanced only if nobody changed the customer since
 * it was read. Other contexts (a credit assessment requested) commit it with their own items.
 */
export function customerAuditAppend(
  tableName: string,
  customer: CustomerRecord,
  audit: AuditEntryContent,
  extra: Parameters<typeof appendAuditToExistingAggregate>[4] = {},
): NamedTransactItem[] {
  const [entryPut, headUpdate] = appendAuditToExistingAggregate(tableName, keys.customer(customer.customerId), customer.auditHead, audit, extra);
  return [
    { name: 'auditEntryMustBeNew', item: entryPut! },
    { name: 'customerUnchangedSinceRead', item: headUpdate! },
  ];
}

export class DynamoDbCustomerStore implements CustomerStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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
              Key: identityKeys.nationalIdGuard(nationalIdBlindIndex),
              UpdateExpression: 'SET customerId = :customerId',
              ConditionExpression: `${CONDITIONS.itemMustExist} AND attribute_not_exists(customerId)`,
              ExpressionAttributeValues: { ':customerId': customer.customerId },
            },
          },
        },
        { name: 'auditEntryMustBeNew', item: first.put },
        ...outboxPuts(this.tableName, [{ type: CUSTOMERS_EVENTS.customerRegistered, envelope: event }]),
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

  private async appendAuditWith(customer: CustomerRecord, audit: AuditEntryContent, extra: Parameters<typeof appendAuditToExistingAggregate>[4]): Promise<boolean> {
    try {
      await writeTransaction(this.documentClient, customerAuditAppend(this.tableName, customer, audit, extra));
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed && (error.failed('customerUnchangedSinceRead') || error.failed('auditEntryMustBeNew'))) return false;
      throw error;
    }
  }
}

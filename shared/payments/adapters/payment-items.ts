/** The payments context's transaction items and mappers: intents, their settlement, and the gateway's replay guard. */
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { INDEXES } from '../../kernel/storage/table.ts';
import type { NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import type { Payment } from '../domain/payment.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

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

/** A new PENDING intent, placed in the sparse expiry index until it settles. */
export function paymentIntentPut(tableName: string, payment: Payment): NamedTransactItem {
  return {
    name: 'paymentMustBeNew',
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.payment(payment.planId, payment.paymentId),
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
  };
}

/** Records a gateway event id once; a second delivery of it fails here and is a replay. */
export function gatewayEventPut(tableName: string, gatewayEventId: string, attributes: Readonly<Record<string, string>>): NamedTransactItem {
  return {
    name: 'gatewayEventMustBeNew',
    item: {
      Put: {
        TableName: tableName,
        Item: { ...keys.gatewayEvent(gatewayEventId), entityType: ENTITY_TYPES.gatewayEvent, ...attributes },
        ConditionExpression: CONDITIONS.itemMustNotExist,
      },
    },
  };
}

/** The payment's settlement, guarded by the status it was read in. */
export function paymentSettledUpdate(tableName: string, payment: Payment, previousStatus: Payment['status']): NamedTransactItem {
  return {
    name: 'paymentMustBePending',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.payment(payment.planId, payment.paymentId),
        // Leaving the expiry index: a settled payment has nothing left to expire.
        UpdateExpression: 'SET #status = :status, settledAt = :settledAt, settledBy = :settledBy REMOVE #expiryKey, #expirySort',
        ConditionExpression: '#status = :previousStatus',
        ExpressionAttributeNames: { '#status': 'status', '#expiryKey': INDEXES.byDueDate.partitionKey, '#expirySort': INDEXES.byDueDate.sortKey },
        ExpressionAttributeValues: {
          ':status': payment.status,
          ':settledAt': payment.settledAt?.toISOString(),
          ':settledBy': payment.settledBy ?? 'payment-gateway',
          ':previousStatus': previousStatus,
        },
      },
    },
  };
}

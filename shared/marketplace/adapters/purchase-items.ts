/**
 * The marketplace's part of a plan that finances a quote, committed inside lending's plan transaction
 * (docs/decisions/0010-the-owning-store-commits-a-cross-context-change.md): the request accepted, once, at the quote
 * count the offer was made at; the quote accepted; every other quote declined; and the events telling each
 * installer the outcome.
 */
import type { EnvelopeFacts } from '../../kernel/messaging/event-envelope.ts';
import { outboundEvent } from '../../kernel/messaging/event-envelope.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { INDEXES } from '../../kernel/storage/table.ts';
import type { NamedTransactItem } from '../../kernel/storage/unit-of-work.ts';
import { MARKETPLACE_EVENTS } from '../api/events.ts';
import type { QuotePurchase } from '../domain/quotes.ts';
import { keys } from './keys.ts';

export const PURCHASE_CONDITION_NAMES = { requestNotYetAccepted: 'quoteRequestNotYetAccepted', quoteStillSubmitted: 'acceptedQuoteStillSubmitted' } as const;

const decided = (tableName: string, requestId: string, contractorId: string, status: 'ACCEPTED' | 'DECLINED', at: string) => ({
  Update: {
    TableName: tableName,
    Key: keys.quote(requestId, contractorId),
    UpdateExpression: 'SET #status = :decided, decidedAt = :at',
    ConditionExpression: '#status = :submitted',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':decided': status, ':submitted': 'SUBMITTED', ':at': at },
  },
});

export function quotePurchaseWrites(tableName: string, purchase: QuotePurchase, planId: string, acceptedAt: Date): NamedTransactItem[] {
  const at = acceptedAt.toISOString();
  return [
    {
      name: PURCHASE_CONDITION_NAMES.requestNotYetAccepted,
      item: {
        Update: {
          TableName: tableName,
          Key: keys.quoteRequest(purchase.requestId),
          UpdateExpression: `SET #status = :accepted, acceptedQuoteId = :quoteId, planId = :planId, acceptedAt = :at REMOVE ${INDEXES.byDueDate.partitionKey}, ${INDEXES.byDueDate.sortKey}`,
          ConditionExpression: '#status <> :accepted AND quoteCount = :quoteCountAtOffer',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':accepted': 'ACCEPTED', ':quoteId': purchase.quoteId, ':planId': planId, ':at': at, ':quoteCountAtOffer': purchase.quoteCountAtOffer },
          // So that a refusal can say whether the request was already financed or only received another quote.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    },
    { name: PURCHASE_CONDITION_NAMES.quoteStillSubmitted, item: decided(tableName, purchase.requestId, purchase.contractorId, 'ACCEPTED', at) },
    ...purchase.otherQuotes.map((other, index) => ({ name: `declinedQuoteStillSubmitted${index}`, item: decided(tableName, purchase.requestId, other.contractorId, 'DECLINED', at) })),
  ];
}

export function quotePurchaseEvents(purchase: QuotePurchase, planId: string, acceptedAt: Date, factsFor: () => EnvelopeFacts): OutboundEvent[] {
  const at = acceptedAt.toISOString();
  return [
    outboundEvent(MARKETPLACE_EVENTS.quoteAccepted, { quoteId: purchase.quoteId, requestId: purchase.requestId, contractorId: purchase.contractorId, planId, acceptedAt: at }, factsFor()),
    ...purchase.otherQuotes.map((other) => outboundEvent(MARKETPLACE_EVENTS.quoteDeclined, { quoteId: other.quoteId, requestId: purchase.requestId, contractorId: other.contractorId, declinedAt: at }, factsFor())),
  ];
}

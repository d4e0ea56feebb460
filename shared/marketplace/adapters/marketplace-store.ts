/**
 * Quote requests and quotes. A request's quote count moves only on condition of the count read, so concurrent
 * quotes cannot overfill it, and the one that fills it also takes it off its city's open list.
 */
import { QueryCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { customerKeys } from '../../customers/index.ts';
import { idempotencyKeyInUse, type IdempotencyScope } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyKeyOf, idempotencyRecordPut, toIdempotencyRecord } from '../../kernel/idempotency/idempotency-store.ts';
import type { OutboundEvent } from '../../kernel/messaging/event-type.ts';
import { outboxPuts } from '../../kernel/messaging/outbox.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { INDEXES, ownerPartition } from '../../kernel/storage/table.ts';
import { TransactionConditionFailed, writeTransaction } from '../../kernel/storage/unit-of-work.ts';
import { solarKeys, toStoredEstimate } from '../../solar/index.ts';
import type { IdempotentWrite, MarketplaceStore, Page } from '../app/ports.ts';
import type { Quote, QuoteRequest } from '../domain/quotes.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

function toQuoteRequest(item: Record<string, unknown>): QuoteRequest {
  return {
    requestId: String(item.requestId),
    customerId: String(item.customerId),
    estimateId: String(item.estimateId),
    cityId: String(item.cityId),
    recommendedWatts: Number(item.recommendedWatts),
    roofAreaSquareMeters: Number(item.roofAreaSquareMeters),
    monthlyConsumptionKilowattHours: item.monthlyConsumptionKilowattHours as number[],
    ...(item.note === undefined ? {} : { note: String(item.note) }),
    consentGivenAt: new Date(String(item.consentGivenAt)),
    createdAt: new Date(String(item.createdAt)),
    closesAt: new Date(String(item.closesAt)),
    quoteCount: Number(item.quoteCount),
    status: item.status as QuoteRequest['status'],
  };
}

function toQuote(item: Record<string, unknown>): Quote {
  return {
    quoteId: String(item.quoteId),
    requestId: String(item.requestId),
    contractorId: String(item.contractorId),
    contractorName: item.contractorName as Quote['contractorName'],
    status: item.status as Quote['status'],
    systemWatts: Number(item.systemWatts),
    module: item.module as Quote['module'],
    inverter: item.inverter as Quote['inverter'],
    equipmentHalalas: Number(item.equipmentHalalas),
    installationHalalas: Number(item.installationHalalas),
    subtotalHalalas: Number(item.subtotalHalalas),
    vatHalalas: Number(item.vatHalalas),
    totalHalalas: Number(item.totalHalalas),
    warrantyYears: Number(item.warrantyYears),
    installationDays: Number(item.installationDays),
    validUntil: String(item.validUntil),
    submittedAt: new Date(String(item.submittedAt)),
    responseSeconds: Number(item.responseSeconds),
  };
}

const lastOf = <T>(items: readonly T[], more: boolean): T | undefined => (more ? items.at(-1) : undefined);

export class DynamoDbMarketplaceStore implements MarketplaceStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async loadForQuoteRequest(customerId: string, estimateId: string, scope: IdempotencyScope) {
    const estimateKey = solarKeys.solarEstimate(customerId, estimateId);
    const customerKey = customerKeys.customer(customerId);
    const idempotencyKey = idempotencyKeyOf(scope);
    // The customer item tells only whether they registered; none of its fields is used, let alone decrypted.
    const items = await batchGetItems(this.documentClient, this.tableName, [estimateKey, customerKey, idempotencyKey]);
    const estimate = items.get(estimateKey);
    return { estimate: estimate === undefined ? undefined : toStoredEstimate(estimate), registered: items.get(customerKey) !== undefined, idempotency: toIdempotencyRecord(items.get(idempotencyKey)) };
  }

  async createQuoteRequest(request: QuoteRequest, event: OutboundEvent, idempotency: IdempotentWrite): Promise<'created' | 'already-requested'> {
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'requestMustBeNew',
          item: {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.quoteRequest(request.requestId),
                entityType: ENTITY_TYPES.quoteRequest,
                ...keys.ownedQuoteRequest(request.customerId, request.requestId),
                ...keys.openInCity(request.cityId, request.requestId),
                ...request,
                monthlyConsumptionKilowattHours: [...request.monthlyConsumptionKilowattHours],
                consentGivenAt: request.consentGivenAt.toISOString(),
                createdAt: request.createdAt.toISOString(),
                closesAt: request.closesAt.toISOString(),
              },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        {
          name: 'estimateNotYetRequested',
          item: { Put: { TableName: this.tableName, Item: { ...keys.estimateQuoteRequestGuard(request.estimateId), entityType: ENTITY_TYPES.estimateQuoteRequestGuard, requestId: request.requestId }, ConditionExpression: CONDITIONS.itemMustNotExist } },
        },
        ...outboxPuts(this.tableName, [event]),
        { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, idempotency.scope, idempotency.response, request.createdAt) },
      ]);
      return 'created';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('estimateNotYetRequested')) return 'already-requested';
      throw error;
    }
  }

  async findQuoteRequest(requestId: string): Promise<QuoteRequest | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.quoteRequest(requestId), ConsistentRead: true }));
    return Item === undefined ? undefined : toQuoteRequest(Item);
  }

  async listOwnQuoteRequests(customerId: string, limit: number, afterRequestId: string | undefined): Promise<Page<QuoteRequest>> {
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byOwner.indexName,
        KeyConditionExpression: '#owner = :owner AND begins_with(#kind, :requests)',
        ExpressionAttributeNames: { '#owner': INDEXES.byOwner.partitionKey, '#kind': INDEXES.byOwner.sortKey },
        ExpressionAttributeValues: { ':owner': ownerPartition(customerId), ':requests': keys.ownedQuoteRequestPrefix },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: afterRequestId === undefined ? undefined : { ...keys.quoteRequest(afterRequestId), ...keys.ownedQuoteRequest(customerId, afterRequestId) },
      }),
    );
    const items = Items.map(toQuoteRequest);
    return { items, nextCursor: lastOf(items, LastEvaluatedKey !== undefined)?.requestId };
  }

  async listOpenQuoteRequests(cityId: string, now: Date, limit: number, afterRequestId: string | undefined): Promise<Page<QuoteRequest>> {
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byDueDate.indexName,
        KeyConditionExpression: '#city = :city',
        // A request past its window leaves the list at once, before any job tidies its index attributes.
        FilterExpression: 'closesAt > :now',
        ExpressionAttributeNames: { '#city': INDEXES.byDueDate.partitionKey },
        ExpressionAttributeValues: { ':city': keys.openInCityPartition(cityId), ':now': now.toISOString() },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: afterRequestId === undefined ? undefined : { ...keys.quoteRequest(afterRequestId), ...keys.openInCity(cityId, afterRequestId) },
      }),
    );
    const items = Items.map(toQuoteRequest);
    const last = LastEvaluatedKey?.[INDEXES.byDueDate.sortKey];
    return { items, nextCursor: last === undefined ? undefined : String(last) };
  }

  async loadForQuote(requestId: string, contractorId: string, scope: IdempotencyScope) {
    const requestKey = keys.quoteRequest(requestId);
    const quoteKey = keys.quote(requestId, contractorId);
    const idempotencyKey = idempotencyKeyOf(scope);
    const items = await batchGetItems(this.documentClient, this.tableName, [requestKey, quoteKey, idempotencyKey]);
    const request = items.get(requestKey);
    return { request: request === undefined ? undefined : toQuoteRequest(request), existingQuote: items.get(quoteKey) !== undefined, idempotency: toIdempotencyRecord(items.get(idempotencyKey)) };
  }

  async submitQuote(quote: Quote, request: QuoteRequest, closesNow: boolean, now: Date, event: OutboundEvent, idempotency: IdempotentWrite): Promise<'submitted' | 'already-quoted' | 'request-changed'> {
    const closing = closesNow ? { set: ', #status = :closed', remove: ` REMOVE ${INDEXES.byDueDate.partitionKey}, ${INDEXES.byDueDate.sortKey}` } : { set: '', remove: '' };
    try {
      await writeTransaction(this.documentClient, [
        {
          name: 'contractorNotYetQuoted',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.quote(quote.requestId, quote.contractorId), entityType: ENTITY_TYPES.quote, ...keys.ownedQuote(quote.contractorId, quote.quoteId), ...quote, submittedAt: quote.submittedAt.toISOString() },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        },
        {
          name: 'requestStillOpenAsRead',
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.quoteRequest(request.requestId),
              UpdateExpression: `SET quoteCount = :next${closing.set}${closing.remove}`,
              ConditionExpression: 'quoteCount = :read AND #status = :open AND closesAt > :now',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':next': request.quoteCount + 1, ':read': request.quoteCount, ':open': 'OPEN', ':now': now.toISOString(), ...(closesNow ? { ':closed': 'CLOSED' } : {}) },
            },
          },
        },
        ...outboxPuts(this.tableName, [event]),
        { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, idempotency.scope, idempotency.response, now) },
      ]);
      return 'submitted';
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      if (error.failed('contractorNotYetQuoted')) return 'already-quoted';
      if (error.failed('requestStillOpenAsRead')) return 'request-changed';
      throw error;
    }
  }

  async listQuotes(requestId: string): Promise<readonly Quote[]> {
    // A request holds at most the policy's handful of quotes: one page.
    const { Items = [] } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :request AND begins_with(SK, :quotes)',
        ExpressionAttributeValues: { ':request': keys.quoteRequest(requestId).PK, ':quotes': keys.ownedQuotePrefix },
        ConsistentRead: true,
      }),
    );
    return Items.map(toQuote);
  }

  async loadRequestWithQuotes(requestId: string): Promise<{ readonly request: QuoteRequest | undefined; readonly quotes: readonly Quote[] }> {
    // The request and its handful of quotes share a partition: one page holds them all.
    const { Items = [] } = await this.documentClient.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :request', ExpressionAttributeValues: { ':request': keys.quoteRequest(requestId).PK }, ConsistentRead: true }),
    );
    const requestItem = Items.find((item) => item.SK === keys.quoteRequest(requestId).SK);
    return { request: requestItem === undefined ? undefined : toQuoteRequest(requestItem), quotes: Items.filter((item) => item.entityType === ENTITY_TYPES.quote).map(toQuote) };
  }

  async listOwnQuotes(contractorId: string, limit: number, after: { readonly quoteId: string; readonly requestId: string } | undefined): Promise<Page<Quote>> {
    const { Items = [], LastEvaluatedKey } = await this.documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.byOwner.indexName,
        KeyConditionExpression: '#owner = :owner AND begins_with(#kind, :quotes)',
        ExpressionAttributeNames: { '#owner': INDEXES.byOwner.partitionKey, '#kind': INDEXES.byOwner.sortKey },
        ExpressionAttributeValues: { ':owner': ownerPartition(contractorId), ':quotes': keys.ownedQuotePrefix },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: after === undefined ? undefined : { ...keys.quote(after.requestId, contractorId), ...keys.ownedQuote(contractorId, after.quoteId) },
      }),
    );
    const items = Items.map(toQuote);
    const last = lastOf(items, LastEvaluatedKey !== undefined);
    return { items, nextCursor: last === undefined ? undefined : `${last.quoteId}.${last.requestId}` };
  }
}

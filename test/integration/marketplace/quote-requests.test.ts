/**
 * The marketplace's store against DynamoDB Local: a request's last slot goes to one of two concurrent quotes, and
 * the quote that fills it takes it off its city's list; a contractor quotes once; the per-city list pages newest
 * first and leaves out expired requests; a request loads with its quotes; and the purchase items lending commits
 * accept one quote, decline the others and mark the request ACCEPTED, once and only at the quote count read.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { MarketplaceQuoteSettlement } from '../../../shared/lending/adapters/quote-settlement.ts';
import { ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { newEventFacts, outboundEvent } from '../../../shared/kernel/messaging/event-envelope.ts';
import { createDocumentClient } from '../../../shared/kernel/storage/document-client.ts';
import { TransactionConditionFailed, writeTransaction } from '../../../shared/kernel/storage/unit-of-work.ts';
import { MARKETPLACE_EVENTS } from '../../../shared/marketplace/api/events.ts';
import type { IdempotentWrite } from '../../../shared/marketplace/app/ports.ts';
import { DEFAULT_MARKETPLACE_POLICY, priceQuote, type QuotePurchase } from '../../../shared/marketplace/domain/quotes.ts';
import { DynamoDbMarketplaceStore, marketplaceKeys, quotePurchaseWrites, type Quote, type QuoteRequest } from '../../../shared/marketplace/index.ts';
import { provisionTestPlatform } from '../../support/provisioned-platform.ts';

const DAY_MS = 86_400_000;
const policy = DEFAULT_MARKETPLACE_POLICY;

let tableName: string;
let documentClient: DynamoDBDocumentClient;
let store: DynamoDbMarketplaceStore;

beforeAll(async () => {
  const resources = await provisionTestPlatform();
  tableName = resources.tableName;
  documentClient = createDocumentClient();
  store = new DynamoDbMarketplaceStore(documentClient, tableName);
});

/** A fresh idempotency scope and the reply it records, as the HTTP stack would hand them over. */
const idempotentWrite = (principalId: string): IdempotentWrite => ({ scope: { principalId, keyDigest: randomUUID(), fingerprint: 'f' }, response: { statusCode: 201, body: {} } });

/** An open request in its own city, created now and open for the policy's window, unless told otherwise. */
function quoteRequest(overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  const createdAt = new Date();
  return {
    requestId: ulidGenerator.newId(),
    customerId: ulidGenerator.newId(),
    estimateId: ulidGenerator.newId(),
    cityId: `city-${randomUUID()}`,
    recommendedWatts: 14_850,
    roofAreaSquareMeters: 120,
    monthlyConsumptionKilowattHours: [1200, 1150, 1400, 2000, 2900, 3600, 4000, 4100, 3500, 2500, 1600, 1300],
    note: 'Flat concrete roof, access from the stairs.',
    consentGivenAt: createdAt,
    createdAt,
    closesAt: new Date(createdAt.getTime() + policy.quoteRequestOpenSeconds * 1_000),
    quoteCount: 0,
    status: 'OPEN',
    ...overrides,
  };
}

async function created(request: QuoteRequest): Promise<QuoteRequest> {
  const event = outboundEvent(
    MARKETPLACE_EVENTS.quoteRequested,
    { requestId: request.requestId, cityId: request.cityId, recommendedWatts: request.recommendedWatts, closesAt: request.closesAt.toISOString(), requestedAt: request.createdAt.toISOString() },
    newEventFacts(ulidGenerator, 'it', request.createdAt),
  );
  await expect(store.createQuoteRequest(request, event, idempotentWrite(request.customerId))).resolves.toBe('created');
  return request;
}

function quoteOn(request: QuoteRequest, contractorId: string = ulidGenerator.newId()): Quote {
  const submittedAt = new Date();
  const line = {
    systemWatts: 14_850,
    module: { make: 'Jinko', model: 'Tiger Neo 550', wattage: 550, count: 27 },
    inverter: { make: 'Huawei', model: 'SUN2000-15KTL' },
    equipmentHalalas: 4_500_001,
    installationHalalas: 1_200_000,
    warrantyYears: 10,
    installationDays: 5,
    validUntil: new Date(submittedAt.getTime() + 30 * DAY_MS).toISOString().slice(0, 10),
  };
  return {
    ...line,
    ...priceQuote(line, policy),
    quoteId: ulidGenerator.newId(),
    requestId: request.requestId,
    contractorId,
    contractorName: { ar: 'شركة الشمس', en: `Sun Installers ${contractorId.slice(-4)}` },
    status: 'SUBMITTED',
    submittedAt,
    responseSeconds: Math.round((submittedAt.getTime() - request.createdAt.getTime()) / 1_000),
  };
}

/** Submits the quote against the request as read, closing it when this quote fills it, as submitQuote does. */
function submit(quote: Quote, requestAsRead: QuoteRequest): ReturnType<DynamoDbMarketplaceStore['submitQuote']> {
  const now = new Date();
  const event = outboundEvent(
    MARKETPLACE_EVENTS.quoteSubmitted,
    { quoteId: quote.quoteId, requestId: quote.requestId, contractorId: quote.contractorId, systemWatts: quote.systemWatts, totalHalalas: quote.totalHalalas, responseSeconds: quote.responseSeconds, submittedAt: now.toISOString() },
    newEventFacts(ulidGenerator, 'it', now),
  );
  return store.submitQuote(quote, requestAsRead, requestAsRead.quoteCount + 1 >= policy.quotesPerRequestMax, now, event, idempotentWrite(quote.contractorId));
}

/** Submits each quote in turn against the request as stored just before it. */
async function withQuotes(request: QuoteRequest, count: number): Promise<Quote[]> {
  const quotes: Quote[] = [];
  for (let index = 0; index < count; index += 1) {
    const quote = quoteOn(request);
    const asRead = await store.findQuoteRequest(request.requestId);
    await expect(submit(quote, asRead!)).resolves.toBe('submitted');
    quotes.push(quote);
  }
  return quotes;
}

/** Every open request of a city, page by page, and the size of each page. */
async function allOpenIn(cityId: string, limit: number): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listOpenQuoteRequests(cityId, new Date(), limit, cursor);
    ids.push(...page.items.map((item) => item.requestId));
    pageSizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor !== undefined && pageSizes.length < 20);
  return { ids, pageSizes };
}

async function rawRequestItem(requestId: string): Promise<Record<string, unknown>> {
  const { Item } = await documentClient.send(new GetCommand({ TableName: tableName, Key: marketplaceKeys.quoteRequest(requestId), ConsistentRead: true }));
  return Item ?? {};
}

async function refusalOf(promise: Promise<unknown>): Promise<TransactionConditionFailed> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TransactionConditionFailed);
  return error as TransactionConditionFailed;
}

describe('quotes on a request', () => {
  it('gives the last slot to exactly one of two installers quoting at once, and the request then leaves its city\'s list', async () => {
    const request = await created(quoteRequest({ quoteCount: policy.quotesPerRequestMax - 1 }));
    expect((await store.listOpenQuoteRequests(request.cityId, new Date(), 10, undefined)).items.map((item) => item.requestId)).toEqual([request.requestId]);
    const [first, second] = [quoteOn(request), quoteOn(request)];

    const outcomes = await Promise.all([submit(first, request), submit(second, request)]);

    expect([...outcomes].sort()).toEqual(['request-changed', 'submitted']);
    const stored = await store.findQuoteRequest(request.requestId);
    expect(stored).toMatchObject({ status: 'CLOSED', quoteCount: policy.quotesPerRequestMax });
    expect((await store.listQuotes(request.requestId)).map((quote) => quote.quoteId)).toEqual([outcomes[0] === 'submitted' ? first.quoteId : second.quoteId]);
    // Still inside its window: only the removed index entry keeps it off the list.
    expect(stored!.closesAt.getTime()).toBeGreaterThan(Date.now());
    expect((await store.listOpenQuoteRequests(request.cityId, new Date(), 10, undefined)).items).toEqual([]);
  });

  it('refuses a late quote once the request is full, whatever count it was read at', async () => {
    const request = await created(quoteRequest({ quoteCount: policy.quotesPerRequestMax - 1 }));
    await expect(submit(quoteOn(request), request)).resolves.toBe('submitted');
    const full = await store.findQuoteRequest(request.requestId);
    await expect(submit(quoteOn(request), full!)).resolves.toBe('request-changed');
    expect(await store.findQuoteRequest(request.requestId)).toMatchObject({ status: 'CLOSED', quoteCount: policy.quotesPerRequestMax });
  });

  it('takes one quote per installer: a second, after the first or at the same time, is already-quoted', async () => {
    const request = await created(quoteRequest());
    const contractorId = ulidGenerator.newId();
    await expect(submit(quoteOn(request, contractorId), request)).resolves.toBe('submitted');
    const asRead = await store.findQuoteRequest(request.requestId);
    await expect(submit(quoteOn(request, contractorId), asRead!)).resolves.toBe('already-quoted');

    const other = await created(quoteRequest());
    const otherContractorId = ulidGenerator.newId();
    const outcomes = await Promise.all([submit(quoteOn(other, otherContractorId), other), submit(quoteOn(other, otherContractorId), other)]);
    expect([...outcomes].sort()).toEqual(['already-quoted', 'submitted']);

    expect(await store.findQuoteRequest(request.requestId)).toMatchObject({ status: 'OPEN', quoteCount: 1 });
    expect(await store.findQuoteRequest(other.requestId)).toMatchObject({ status: 'OPEN', quoteCount: 1 });
    expect(await store.listQuotes(request.requestId)).toHaveLength(1);
  });

  it('refuses a quote on a request past its window', async () => {
    const now = Date.now();
    const request = await created(quoteRequest({ createdAt: new Date(now - 15 * DAY_MS), consentGivenAt: new Date(now - 15 * DAY_MS), closesAt: new Date(now - DAY_MS) }));
    await expect(submit(quoteOn(request), request)).resolves.toBe('request-changed');
    expect(await store.listQuotes(request.requestId)).toEqual([]);
  });
});

describe('a city\'s open requests', () => {
  it('pages one at a time, newest first, each open request once, leaving out one past its window', async () => {
    const cityId = `city-${randomUUID()}`;
    const start = Date.now();
    const idAt = (offsetMs: number): string => ulid(start + offsetMs);
    const [oldest, expired, middle, newest] = [idAt(0), idAt(1_000), idAt(2_000), idAt(3_000)];
    await created(quoteRequest({ cityId, requestId: oldest }));
    await created(quoteRequest({ cityId, requestId: expired, createdAt: new Date(start - 15 * DAY_MS), consentGivenAt: new Date(start - 15 * DAY_MS), closesAt: new Date(start - DAY_MS) }));
    await created(quoteRequest({ cityId, requestId: middle }));
    await created(quoteRequest({ cityId, requestId: newest }));
    // Another city's request is not listed.
    await created(quoteRequest());

    const { ids, pageSizes } = await allOpenIn(cityId, 1);

    expect(ids).toEqual([newest, middle, oldest]);
    expect(pageSizes.every((size) => size <= 1)).toBe(true);
    const whole = await store.listOpenQuoteRequests(cityId, new Date(), 10, undefined);
    expect(whole.items.map((item) => item.requestId)).toEqual([newest, middle, oldest]);
    expect(whole.nextCursor).toBeUndefined();
  });

  it('lists the request\'s facts as stored', async () => {
    const request = await created(quoteRequest());
    const { items } = await store.listOpenQuoteRequests(request.cityId, new Date(), 10, undefined);
    expect(items).toEqual([request]);
  });
});

describe('a request with its quotes', () => {
  it('loads the request and every quote on it in one read', async () => {
    const request = await created(quoteRequest());
    const quotes = await withQuotes(request, 3);

    const loaded = await store.loadRequestWithQuotes(request.requestId);

    expect(loaded.request).toEqual({ ...request, quoteCount: 3 });
    expect([...loaded.quotes].sort((a, b) => a.quoteId.localeCompare(b.quoteId))).toEqual([...quotes].sort((a, b) => a.quoteId.localeCompare(b.quoteId)));
  });

  it('loads nothing for an unknown request', async () => {
    await expect(store.loadRequestWithQuotes(ulidGenerator.newId())).resolves.toEqual({ request: undefined, quotes: [] });
  });
});

describe('the purchase items a plan commits', () => {
  const purchaseOf = (request: QuoteRequest, quotes: readonly Quote[], chosen: Quote, quoteCountAtOffer = quotes.length): QuotePurchase => ({
    requestId: request.requestId,
    quoteId: chosen.quoteId,
    contractorId: chosen.contractorId,
    quoteCountAtOffer,
    otherQuotes: quotes.filter((quote) => quote.quoteId !== chosen.quoteId).map(({ quoteId, contractorId }) => ({ quoteId, contractorId })),
  });

  it('accept the chosen quote, decline the others and mark the request ACCEPTED, once', async () => {
    const request = await created(quoteRequest());
    const quotes = await withQuotes(request, 3);
    const chosen = quotes[1]!;
    const purchase = purchaseOf(request, quotes, chosen);
    const planId = ulidGenerator.newId();
    const acceptedAt = new Date();

    await writeTransaction(documentClient, quotePurchaseWrites(tableName, purchase, planId, acceptedAt));

    const { request: accepted, quotes: decided } = await store.loadRequestWithQuotes(request.requestId);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', quoteCount: 3 });
    expect(await rawRequestItem(request.requestId)).toMatchObject({ acceptedQuoteId: chosen.quoteId, planId, acceptedAt: acceptedAt.toISOString() });
    expect(Object.fromEntries(decided.map((quote) => [quote.quoteId, quote.status]))).toEqual({ [quotes[0]!.quoteId]: 'DECLINED', [chosen.quoteId]: 'ACCEPTED', [quotes[2]!.quoteId]: 'DECLINED' });
    expect((await store.listOpenQuoteRequests(request.cityId, new Date(), 10, undefined)).items).toEqual([]);

    const again = await refusalOf(writeTransaction(documentClient, quotePurchaseWrites(tableName, purchase, ulidGenerator.newId(), new Date())));
    expect(again.failed('quoteRequestNotYetAccepted')).toBe(true);
    expect(again.itemsAtFailure.get('quoteRequestNotYetAccepted')).toMatchObject({ status: 'ACCEPTED', planId });
    // Lending's port reads that as the request already financed.
    const refusal = new MarketplaceQuoteSettlement(tableName).settle(purchase, ulidGenerator.newId(), new Date(), () => newEventFacts(ulidGenerator, 'it', new Date())).refusalFor(again.failedConditions, again.itemsAtFailure);
    expect(refusal).toBeInstanceOf(RabhanError);
    expect(refusal).toMatchObject({ code: 'QUOTE_REQUEST_ALREADY_ACCEPTED', httpStatus: 409 });
    expect(await rawRequestItem(request.requestId)).toMatchObject({ status: 'ACCEPTED', planId });
  });

  it('are refused when a quote arrived after the offer, leaving every quote undecided', async () => {
    const request = await created(quoteRequest());
    const quotes = await withQuotes(request, 2);
    const purchase = purchaseOf(request, quotes, quotes[0]!);
    const late = await withQuotes(request, 1);

    const refused = await refusalOf(writeTransaction(documentClient, quotePurchaseWrites(tableName, purchase, ulidGenerator.newId(), new Date())));

    expect(refused.failed('quoteRequestNotYetAccepted')).toBe(true);
    expect(refused.itemsAtFailure.get('quoteRequestNotYetAccepted')).toMatchObject({ status: 'OPEN', quoteCount: 3 });
    const refusal = new MarketplaceQuoteSettlement(tableName).settle(purchase, ulidGenerator.newId(), new Date(), () => newEventFacts(ulidGenerator, 'it', new Date())).refusalFor(refused.failedConditions, refused.itemsAtFailure);
    expect(refusal).toMatchObject({ code: 'QUOTES_CHANGED_SINCE_OFFER', httpStatus: 409 });
    const { request: unchanged, quotes: undecided } = await store.loadRequestWithQuotes(request.requestId);
    expect(unchanged).toMatchObject({ status: 'OPEN', quoteCount: 3 });
    expect(undecided.map((quote) => quote.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    expect(undecided.map((quote) => quote.quoteId).sort()).toEqual([...quotes, ...late].map((quote) => quote.quoteId).sort());
  });

  it('settle a request that is full of quotes: a full request still lets the customer choose', async () => {
    const request = await created(quoteRequest());
    const quotes = await withQuotes(request, policy.quotesPerRequestMax);
    expect(await store.findQuoteRequest(request.requestId)).toMatchObject({ status: 'CLOSED' });

    await writeTransaction(documentClient, quotePurchaseWrites(tableName, purchaseOf(request, quotes, quotes[4]!), ulidGenerator.newId(), new Date()));

    const { request: accepted, quotes: decided } = await store.loadRequestWithQuotes(request.requestId);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', quoteCount: policy.quotesPerRequestMax });
    expect(decided.filter((quote) => quote.status === 'ACCEPTED').map((quote) => quote.quoteId)).toEqual([quotes[4]!.quoteId]);
    expect(decided.filter((quote) => quote.status === 'DECLINED')).toHaveLength(4);
  });
});

import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { createDocumentClient } from '../../shared/kernel/storage/document-client.ts';
import { keys } from '../../shared/catalog/keys.ts';
import { buildInstallmentSchedule, riyadhCalendarDate } from '../../shared/lending/domain/schedule.ts';
import { DEFAULT_LENDING_POLICY, DEFAULT_PLAN_POLICY } from '../../shared/kernel/policy.ts';
import { systemClock, ulidGenerator } from '../../shared/kernel/clock-and-ids.ts';
import { buildLendingDeps } from '../../shared/lending/compose.ts';
import { buildPaymentDeps } from '../../shared/payments/compose.ts';
import { DynamoDbLedgerReader } from '../../shared/ledger/adapters/ledger-reads.ts';
import type { IdempotentRequest } from '../../shared/kernel/idempotency/idempotency.ts';
import type { Offer, OfferStore, Payment, Plan, PlanDeps } from './money-path.ts';
import { provisionTestPlatform } from './provisioned-platform.ts';

/**
 * A registered adult citizen with a completed LOW-risk assessment and no exposure, written directly: registration
 * and assessment have their own tests, and plan tests need many customers quickly.
 */
export async function creditworthyCustomer(assessment: { readonly maximumFinancingHalalas?: number } = {}): Promise<string> {
  const customerId = ulidGenerator.newId();
  await createDocumentClient().send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        ...keys.customer(customerId),
        entityType: 'Customer',
        customerId,
        outstandingHalalas: 0,
        nationalIdKind: 'citizen',
        ageVerifiedForMinimumHijriYears: DEFAULT_LENDING_POLICY.minimumAgeHijriYears,
        latestAssessment: { assessmentId: 'A', status: 'COMPLETED', riskCategory: assessment.maximumFinancingHalalas === undefined ? 'LOW' : 'MEDIUM', maximumFinancingHalalas: assessment.maximumFinancingHalalas ?? DEFAULT_LENDING_POLICY.exposureLimitHalalas, completedAt: systemClock.now().toISOString() },
        registeredAt: systemClock.now().toISOString(),
      },
    }),
  );
  return customerId;
}

/** An open offer with no down payment, valid for a minute. */
export async function savedOffer(offerStore: OfferStore, customerId: string, financedHalalas: number, installmentCount = 2): Promise<Offer> {
  const now = systemClock.now();
  const offer: Offer = {
    offerId: ulidGenerator.newId(),
    customerId,
    amountHalalas: financedHalalas,
    downPaymentHalalas: 0,
    financedHalalas,
    installmentCount,
    installments: buildInstallmentSchedule({ financedHalalas, installmentCount, startDate: riyadhCalendarDate(now) }, DEFAULT_LENDING_POLICY),
    createdAt: now,
    expiresAt: new Date(now.getTime() + 60_000),
    used: false,
  };
  await offerStore.saveOffer(offer);
  return offer;
}

/** The plan use-cases' dependencies on this test file's own freshly provisioned table, with the default policies. */
export async function planDepsOnFreshTable(): Promise<PlanDeps> {
  const { tableName } = await provisionTestPlatform();
  const client = createDocumentClient();
  return {
    ...buildLendingDeps(client, tableName, { lending: DEFAULT_LENDING_POLICY, plans: DEFAULT_PLAN_POLICY }),
    ...buildPaymentDeps(client, tableName, { plans: DEFAULT_PLAN_POLICY }),
    ledger: new DynamoDbLedgerReader(client, tableName),
  };
}

/** An idempotency scope for a principal: a fresh key unless one is given, so each call is a new request. */
/** The reply these tests record for a created plan or payment: its id, enough to tell one replay from another. */
const replyWithId = (result: { readonly planId: string } | { readonly paymentId: string }) => ({ statusCode: 201, body: { id: 'paymentId' in result ? result.paymentId : result.planId } });

export const idempotencyScope = (principalId: string, key: string = randomUUID(), fingerprint = 'f'): IdempotentRequest<Plan | Payment> => ({ principalId, keyDigest: key, fingerprint, replyTo: replyWithId });

export const customerPrincipal = (customerId: string) => ({ principalId: customerId, roles: ['customer' as const] });

/** The detail of every outbox event of one type about one plan, in the order they were written. */
export async function outboxEventsAbout(planId: string, detailType: string, idField = 'planId'): Promise<readonly Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await createDocumentClient().send(
      new ScanCommand({
        TableName: process.env.TABLE_NAME,
        FilterExpression: 'entityType = :outbox AND detailType = :detailType',
        ExpressionAttributeValues: { ':outbox': 'OutboxEvent', ':detailType': detailType },
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey !== undefined);
  return items
    .map((item) => JSON.parse(String(item.detail)) as { occurredAt: string; data: Record<string, unknown> })
    .filter((detail) => detail.data[idField] === planId)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    .map((detail) => detail.data);
}

/**
 * The plan store with `hook` run right after `method` has read, so that another request lands between a use-case's
 * read and its write: the deterministic way to test a race.
 */
export function storeInterleaving<TStore extends object>(store: TStore, method: keyof TStore, hook: () => Promise<unknown>): TStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        const read = (await value.apply(target, args)) as unknown;
        await hook();
        return read;
      };
    },
  });
}

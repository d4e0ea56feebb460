/**
 * Journals and audit entries live in partitions of their own, so that IAM can deny every function UpdateItem and
 * DeleteItem on them (the deny itself is asserted in test/infra/rabhan-function.test.ts). Against DynamoDB Local:
 * the money path writes them there and nowhere else, reads its statement back from there, and a plan's audit chain
 * read from its partition still verifies against the head stored on the plan.
 */
import { paginateScan, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/kernel/storage/document-client.ts';
import { AUDIT_PARTITION_PREFIX, ENTITY_TYPES, IMMUTABLE_PARTITION_PREFIXES, JOURNAL_PARTITION_PREFIX, keys } from '../../../shared/catalog/keys.ts';
import { findBrokenLink, type ChainedAuditEntry } from '../../../shared/audit/domain/audit-chain.ts';
import { createPaymentIntent, createPlan, planStatement, settlePayment, type PlanDeps } from '../../support/money-path.ts';
import { creditworthyCustomer, customerPrincipal, idempotencyScope, planDepsOnFreshTable, savedOffer } from '../../support/plan-fixtures.ts';

let deps: PlanDeps;

beforeAll(async () => {
  deps = await planDepsOnFreshTable();
});

/** A plan opened and then paid into once: two journals and at least two audit entries. */
async function paidPlan(): Promise<{ customerId: string; planId: string }> {
  const customerId = await creditworthyCustomer();
  const offer = await savedOffer(deps.offerStore, customerId, 40_000);
  const created = await createPlan({ principal: customerPrincipal(customerId), offerId: offer.offerId, correlationId: 'it', idempotency: idempotencyScope(customerId) }, deps);
  if (created.kind !== 'performed') throw new Error('expected a new plan');
  const planId = created.value.planId;
  const intent = await createPaymentIntent(
    { principal: customerPrincipal(customerId), planId, amountHalalas: 20_000, method: 'MADA', correlationId: 'it', idempotency: idempotencyScope(customerId) },
    deps,
  );
  if (intent.kind !== 'performed') throw new Error('expected a new payment');
  const settled = await settlePayment({ gatewayEventId: `evt_${randomUUID()}`, outcome: 'CONFIRMED', planId, paymentId: intent.value.paymentId, amountHalalas: 20_000, correlationId: 'it' }, deps);
  expect(settled).toBe('settled');
  return { customerId, planId };
}

async function partition(partitionKey: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await createDocumentClient().send(
    new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partitionKey }, ConsistentRead: true }),
  );
  return Items;
}

describe('journals and audit entries', () => {
  it('are written only to their own partitions, and no other item is', async () => {
    const { planId } = await paidPlan();

    const items: Record<string, unknown>[] = [];
    for await (const page of paginateScan({ client: createDocumentClient() }, { TableName: process.env.TABLE_NAME, ConsistentRead: true })) items.push(...(page.Items ?? []));

    const immutable = (item: Record<string, unknown>) => IMMUTABLE_PARTITION_PREFIXES.some((prefix) => String(item.PK).startsWith(prefix));
    const journals = items.filter((item) => item.entityType === ENTITY_TYPES.journal);
    const auditEntries = items.filter((item) => item.entityType === ENTITY_TYPES.auditEntry);
    expect(journals.length).toBeGreaterThanOrEqual(2);
    expect(auditEntries.length).toBeGreaterThanOrEqual(2);
    for (const journal of journals) expect(String(journal.PK)).toBe(keys.journals(keys.planLedger(String(journal.planId))));
    for (const entry of auditEntries) expect(String(entry.PK).startsWith(AUDIT_PARTITION_PREFIX)).toBe(true);
    expect(items.filter((item) => item.entityType !== ENTITY_TYPES.journal && item.entityType !== ENTITY_TYPES.auditEntry).filter(immutable)).toEqual([]);
    const planPartitionTypes = new Set((await partition(keys.plan(planId).PK)).map((item) => item.entityType));
    expect(planPartitionTypes).toEqual(new Set([ENTITY_TYPES.plan, ENTITY_TYPES.payment]));
  });

  it("give a plan's statement from the journal partition, page by page in posting order", async () => {
    const { customerId, planId } = await paidPlan();
    const principal = customerPrincipal(customerId);

    const first = await planStatement({ principal, planId, limit: 1, cursor: undefined }, deps.planStore);
    const second = await planStatement({ principal, planId, limit: 1, cursor: first.nextCursor }, deps.planStore);
    const stored = await partition(keys.journals(keys.planLedger(planId)));

    expect(first.journals.map((journal) => journal.description)).toEqual(['Plan opened']);
    expect(second.journals.map((journal) => journal.description)).toEqual([expect.stringMatching(/^Payment .* confirmed$/)]);
    expect(stored.map((item) => item.journalId)).toEqual([first.journals[0]!.journalId, second.journals[0]!.journalId]);
    expect(stored.every((item) => String(item.PK).startsWith(JOURNAL_PARTITION_PREFIX))).toBe(true);
  });

  it("keep a plan's audit chain, read from its own partition, verifiable against the head on the plan", async () => {
    const { planId } = await paidPlan();

    const plan = await deps.planStore.findPlan(planId);
    const chain = (await partition(keys.auditChain(keys.plan(planId).PK))).map(({ PK: _pk, SK: _sk, entityType: _type, ...entry }) => entry as unknown as ChainedAuditEntry);

    expect(chain.map((entry) => entry.sequence)).toEqual(Array.from({ length: plan!.auditHead.sequence }, (_, index) => index + 1));
    expect(chain.length).toBeGreaterThanOrEqual(2);
    expect(findBrokenLink(chain, plan!.auditHead.hash)).toBeUndefined();
    const tampered = chain.map((entry, index) => (index === 0 ? { ...entry, actor: 'someone-else' } : entry));
    expect(findBrokenLink(tampered, plan!.auditHead.hash)).toBe(1);
  });
});

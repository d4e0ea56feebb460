import { describe, expect, it } from 'vitest';
import {
  AUDIT_PARTITION_PREFIX,
  DUE_DATE_SHARD_COUNT,
  IMMUTABLE_PARTITION_PREFIXES,
  INDEXES,
  INTENT_EXPIRY_SHARD_COUNT,
  JOURNAL_PARTITION_PREFIX,
  dueDateShardOf,
  keyCollisions,
  keys,
  KEY_PREFIXES_BY_CONTEXT,
  type KeyPrefix,
} from '../../../shared/catalog/keys.ts';
import { ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import { IMMUTABLE_KEY_MEMBERS, partitionSamples } from '../../support/key-samples.ts';

describe('byDueDate keys', () => {
  it('place a plan in the same month partition whatever else changes, and in one the month readers query', () => {
    const planId = ulidGenerator.newId();

    const first = keys.dueBy('2027-03-15', planId);
    const later = keys.dueBy('2027-03-28', planId);

    expect(first[INDEXES.byDueDate.partitionKey]).toBe(later[INDEXES.byDueDate.partitionKey]);
    expect(keys.dueMonthPartitions('2027-03')).toContain(first[INDEXES.byDueDate.partitionKey]);
    expect(keys.dueMonthPartitions('2027-04')).not.toContain(first[INDEXES.byDueDate.partitionKey]);
    expect(first[INDEXES.byDueDate.sortKey]).toBe(`2027-03-15#${planId}`);
  });

  it('spread plans evenly over every shard of a month', () => {
    const counts = new Array<number>(DUE_DATE_SHARD_COUNT).fill(0);

    for (let i = 0; i < 10_000; i += 1) counts[dueDateShardOf(ulidGenerator.newId())]! += 1;

    // 1,000 plans expected per shard; ±20% is far outside the binomial spread (about ±3%).
    for (const count of counts) expect(Math.abs(count - 1_000)).toBeLessThan(200);
  });

  it('spread payment intents over every expiry shard, and list every shard for the expiry job', () => {
    const counts = new Map<string, number>();

    for (let i = 0; i < 20_000; i += 1) {
      const partition = keys.intentExpiry(new Date(), ulidGenerator.newId())[INDEXES.byDueDate.partitionKey]!;
      counts.set(partition, (counts.get(partition) ?? 0) + 1);
    }

    expect([...counts.keys()].sort()).toEqual([...keys.intentExpiryPartitions()].sort());
    expect(counts.size).toBe(INTENT_EXPIRY_SHARD_COUNT);
    // 200 intents expected per shard; ±40% is more than five standard deviations (about ±14) even across 100 shards.
    for (const count of counts.values()) expect(Math.abs(count - 200)).toBeLessThan(80);
  });
});

describe('journal and audit partitions', () => {
  const ulid = ulidGenerator.newId();
  // Ids that are themselves the immutable prefixes: a key's own literal prefix must still decide its partition.
  const ids = [ulid, ...IMMUTABLE_PARTITION_PREFIXES, `${JOURNAL_PARTITION_PREFIX}${AUDIT_PARTITION_PREFIX}`];

  it('have a sample of every key the keys module builds', () => {
    expect(Object.keys(partitionSamples(ulid)).sort()).toEqual(Object.keys(keys).sort());
  });

  it('hold journals and audit entries, each under its own prefix', () => {
    for (const id of ids) {
      const samples = partitionSamples(id);
      for (const partition of [...samples.journal.partitions, ...samples.journals.partitions]) expect(partition.startsWith(JOURNAL_PARTITION_PREFIX), partition).toBe(true);
      for (const partition of [...samples.auditEntry.partitions, ...samples.auditChain.partitions]) expect(partition.startsWith(AUDIT_PARTITION_PREFIX), partition).toBe(true);
    }
    expect(JOURNAL_PARTITION_PREFIX.startsWith(AUDIT_PARTITION_PREFIX) || AUDIT_PARTITION_PREFIX.startsWith(JOURNAL_PARTITION_PREFIX)).toBe(false);
  });

  it('collide with no other key: no other partition, in the table or an index, starts with either prefix', () => {
    for (const id of ids) {
      const others = Object.entries(partitionSamples(id))
        .filter(([member]) => !IMMUTABLE_KEY_MEMBERS.has(member as keyof typeof keys))
        .flatMap(([member, sample]) => sample.partitions.map((partition) => ({ member, partition })));

      const colliding = others.filter(({ partition }) => IMMUTABLE_PARTITION_PREFIXES.some((prefix) => partition.startsWith(prefix)));

      expect(others.length).toBeGreaterThan(20);
      expect(colliding).toEqual([]);
    }
  });

  it('keep entries of different aggregates and plans apart, in chain and posting order', () => {
    const [first, second] = [ulidGenerator.newId(), ulidGenerator.newId()];

    expect(keys.auditEntry(keys.customer(first).PK, 1).PK).not.toBe(keys.auditEntry(keys.principal(first).PK, 1).PK);
    expect(keys.auditEntry(keys.plan(first).PK, 1).PK).toBe(keys.auditChain(keys.plan(first).PK));
    expect(keys.auditEntry(keys.plan(first).PK, 9).SK < keys.auditEntry(keys.plan(first).PK, 10).SK).toBe(true);
    expect(keys.journal(keys.planLedger(first), second).PK).toBe(keys.journals(keys.planLedger(first)));
    expect(keys.journals(keys.planLedger(first))).not.toBe(keys.journals(keys.planLedger(second)));
    // Journal ids are ULIDs, so sorting by them is posting order.
    expect(keys.journal(keys.planLedger(first), second).SK).toBe(second);
  });
});

describe("the contexts' key formats, joined", () => {
  const table = (entityType: string, partitionKeyPrefix: string, sortKeyPrefix: string): KeyPrefix => ({ entityType, partitionKeyPrefix, sortKeyPrefix, keySpace: 'table' });

  it('hold no two kinds of item, in any context, whose keys could be equal', () => {
    expect(keyCollisions(KEY_PREFIXES_BY_CONTEXT)).toEqual([]);
  });

  it("refuse a new context whose items would land on another context's keys", () => {
    const withIntruder = { ...KEY_PREFIXES_BY_CONTEXT, solar: [table('Quote', 'CUSTOMER#', 'PROF')] };

    expect(keyCollisions(withIntruder)).toEqual(['customers Customer (CUSTOMER# / PROFILE) and solar Quote (CUSTOMER# / PROF) in table']);
  });

  it('let two contexts share a partition when their sort keys keep their items apart', () => {
    expect(keyCollisions({ customers: [table('Customer', 'CUSTOMER#', 'PROFILE')], credit: [table('CreditAssessment', 'CUSTOMER#', 'ASSESSMENT#')] })).toEqual([]);
  });

  it('declare a prefix for every partition each context builds, so that the collision check sees every key', () => {
    const declared = Object.values(KEY_PREFIXES_BY_CONTEXT).flat();
    for (const [member, samples] of Object.entries(partitionSamples(ulidGenerator.newId()))) {
      for (const partition of samples.partitions) {
        const covered = declared.some((prefix) => partition.startsWith(prefix.partitionKeyPrefix) && (samples.space === 'table') === (prefix.keySpace === 'table'));
        expect(covered, `${member} builds ${partition}, which no KEY_PREFIXES entry declares`).toBe(true);
      }
    }
  });
});

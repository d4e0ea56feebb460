import { describe, expect, it } from 'vitest';
import { DUE_DATE_SHARD_COUNT, INDEXES, INTENT_EXPIRY_SHARD_COUNT, dueDateShardOf, keys } from '../../../../shared/adapters/dynamodb/keys.ts';
import { ulidGenerator } from '../../../../shared/platform/clock-and-ids.ts';

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

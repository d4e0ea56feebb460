import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_CHAIN_GENESIS_HASH, chainAuditEntry, findBrokenLink, type ChainedAuditEntry } from '../../../shared/audit/domain/audit-chain.ts';

function buildChain(actions: readonly string[]): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let head = { sequence: 0, hash: AUDIT_CHAIN_GENESIS_HASH };
  for (const [index, action] of actions.entries()) {
    const entry = chainAuditEntry(head, { action, actor: 'P1', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(), facts: { index } });
    entries.push(entry);
    head = { sequence: entry.sequence, hash: entry.hash };
  }
  return entries;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain against its stored head', () => {
    const chain = buildChain(['A', 'B', 'C']);
    expect(findBrokenLink(chain, chain.at(-1)!.hash)).toBeUndefined();
  });

  it('detects any edited, removed or reordered entry', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 8 }), fc.nat(), (actions, pick) => {
        const chain = buildChain(actions);
        const head = chain.at(-1)!.hash;
        const target = pick % chain.length;
        const edited = chain.map((entry, index) => (index === target ? { ...entry, actor: `${entry.actor}x` } : entry));
        expect(findBrokenLink(edited, head)).toBe(target + 1);
        expect(findBrokenLink(chain.filter((_, index) => index !== target), head)).toBeDefined();
        expect(findBrokenLink([...chain].reverse(), head)).toBeDefined();
      }),
    );
  });

  it('detects a truncated chain whose entries are intact but whose head moved on', () => {
    const chain = buildChain(['A', 'B', 'C']);
    expect(findBrokenLink(chain.slice(0, 2), chain.at(-1)!.hash)).toBe(3);
  });
});

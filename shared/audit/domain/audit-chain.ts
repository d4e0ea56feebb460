/**
 * A tamper-evident audit trail: every aggregate keeps a hash chain of its audit entries. Each entry's hash covers
 * the previous hash and the entry's canonical content, and the aggregate stores the head, so removing, reordering
 * or editing any entry breaks the chain that the verifier recomputes.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.ts';

export const AUDIT_CHAIN_GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  readonly action: string;
  /** Opaque principal id of who did it, or `system`. */
  readonly actor: string;
  readonly occurredAt: string;
  /** Ids and facts only; never personal values. Field names changed are listed, not their values. */
  readonly facts: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  readonly sequence: number;
  readonly previousHash: string;
  readonly hash: string;
}

export function chainAuditEntry(
  head: { readonly sequence: number; readonly hash: string },
  content: AuditEntryContent,
): ChainedAuditEntry {
  const sequence = head.sequence + 1;
  const hash = createHash('sha256')
    .update(head.hash)
    .update(canonicalJson({ ...content, sequence }))
    .digest('hex');
  return { ...content, sequence, previousHash: head.hash, hash };
}

/** Recomputes a chain from genesis; returns the first broken sequence number, or undefined when intact. */
export function findBrokenLink(entries: readonly ChainedAuditEntry[], storedHeadHash: string): number | undefined {
  let head = { sequence: 0, hash: AUDIT_CHAIN_GENESIS_HASH };
  for (const entry of entries) {
    const { sequence: _sequence, previousHash: _previous, hash: _hash, ...content } = entry;
    const recomputed = chainAuditEntry(head, content);
    if (recomputed.sequence !== entry.sequence || recomputed.hash !== entry.hash) return entry.sequence;
    head = { sequence: entry.sequence, hash: entry.hash };
  }
  return head.hash === storedHeadHash ? undefined : head.sequence + 1;
}

export { canonicalJson };

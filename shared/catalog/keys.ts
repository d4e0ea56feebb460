/**
 * Every context's key formats, joined. Each context owns its formats in its own keys module
 * (`shared/<context>/adapters/keys.ts`); this module lets `lib/` grant IAM on them and lets tests and operator
 * commands build any key. KEY_PREFIXES feeds the test that rejects two kinds of item whose keys could be equal.
 */
import * as audit from '../audit/adapters/keys.ts';
import * as credit from '../credit/adapters/keys.ts';
import * as customers from '../customers/adapters/keys.ts';
import * as identity from '../identity/adapters/keys.ts';
import * as kernel from '../kernel/storage/kernel-keys.ts';
import type { KeyPrefix } from '../kernel/storage/table.ts';
import * as ledger from '../ledger/adapters/keys.ts';
import * as lending from '../lending/adapters/keys.ts';
import * as payments from '../payments/adapters/keys.ts';
import * as platform from '../platform/adapters/keys.ts';
import * as solar from '../solar/adapters/keys.ts';
import * as contractors from '../contractors/adapters/keys.ts';
import * as marketplace from '../marketplace/adapters/keys.ts';
import * as projects from '../projects/adapters/keys.ts';
import { joinDeclarations } from './join.ts';

const KEY_MODULES = { kernel, identity, customers, credit, lending, payments, ledger, audit, platform, solar, contractors, marketplace, projects } as const;

/** Which context declares each prefix, for the collision test and its message. */
export const KEY_PREFIXES_BY_CONTEXT: Readonly<Record<string, readonly KeyPrefix[]>> = Object.fromEntries(
  Object.entries(KEY_MODULES).map(([context, module]) => [context, module.KEY_PREFIXES]),
);

export const keys = joinDeclarations<unknown>('key builder', {
  kernel: kernel.keys,
  identity: identity.keys,
  customers: customers.keys,
  credit: credit.keys,
  lending: lending.keys,
  payments: payments.keys,
  ledger: ledger.keys,
  audit: audit.keys,
  platform: platform.keys,
  solar: solar.keys,
  contractors: contractors.keys,
  marketplace: marketplace.keys,
  projects: projects.keys,
}) as typeof kernel.keys &
  typeof identity.keys &
  typeof customers.keys &
  typeof credit.keys &
  typeof lending.keys &
  typeof payments.keys &
  typeof ledger.keys &
  typeof audit.keys &
  typeof platform.keys &
  typeof solar.keys &
  typeof contractors.keys &
  typeof marketplace.keys &
  typeof projects.keys;

export const ENTITY_TYPES = joinDeclarations<unknown>('entity type', Object.fromEntries(Object.entries(KEY_MODULES).map(([context, module]) => [context, module.ENTITY_TYPES]))) as typeof kernel.ENTITY_TYPES &
  typeof identity.ENTITY_TYPES &
  typeof customers.ENTITY_TYPES &
  typeof credit.ENTITY_TYPES &
  typeof lending.ENTITY_TYPES &
  typeof payments.ENTITY_TYPES &
  typeof ledger.ENTITY_TYPES &
  typeof audit.ENTITY_TYPES &
  typeof platform.ENTITY_TYPES &
  typeof solar.ENTITY_TYPES &
  typeof contractors.ENTITY_TYPES &
  typeof marketplace.ENTITY_TYPES &
  typeof projects.ENTITY_TYPES;

/**
 * Partitions whose items are immutable: every function role is denied UpdateItem, DeleteItem and BatchWriteItem on partition keys
 * starting with these (lib/constructs/rabhan-function.ts).
 */
export const IMMUTABLE_PARTITION_PREFIXES: readonly string[] = [ledger.JOURNAL_PARTITION_PREFIX, audit.AUDIT_PARTITION_PREFIX];
export const { JOURNAL_PARTITION_PREFIX } = ledger;
export const { AUDIT_PARTITION_PREFIX } = audit;
export { INDEXES, KEY_ATTRIBUTES, TABLE_SCHEMA, type ItemKey, type KeyPrefix } from '../kernel/storage/table.ts';
export { DUE_DATE_SHARD_COUNT, dueDateShardOf } from '../lending/adapters/keys.ts';
export { INTENT_EXPIRY_SHARD_COUNT } from '../payments/adapters/keys.ts';

const overlaps = (first: string, second: string): boolean => first.startsWith(second) || second.startsWith(first);

/**
 * Pairs of declared kinds of item whose keys could ever be equal: in the same key space, with partition-key prefixes
 * and sort-key prefixes that each overlap. A write of one could then overwrite, or a query return, the other.
 */
export function keyCollisions(byContext: Readonly<Record<string, readonly KeyPrefix[]>>): string[] {
  const declared = Object.entries(byContext).flatMap(([context, prefixes]) => prefixes.map((prefix) => ({ context, ...prefix })));
  const collisions: string[] = [];
  declared.forEach((first, index) => {
    for (const second of declared.slice(index + 1)) {
      if (first.keySpace !== second.keySpace) continue;
      if (!overlaps(first.partitionKeyPrefix, second.partitionKeyPrefix) || !overlaps(first.sortKeyPrefix, second.sortKeyPrefix)) continue;
      collisions.push(`${first.context} ${first.entityType} (${first.partitionKeyPrefix} / ${first.sortKeyPrefix}) and ${second.context} ${second.entityType} (${second.partitionKeyPrefix} / ${second.sortKeyPrefix}) in ${first.keySpace}`);
    }
  });
  return collisions;
}

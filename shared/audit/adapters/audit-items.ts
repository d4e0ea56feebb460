/**
 * Builds the two writes that append an audit entry to an aggregate's hash chain inside the caller's transaction:
 * the entry itself, and the conditional advance of the head stored on the aggregate. The condition on the old head
 * makes concurrent appends fail rather than fork the chain.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { AUDIT_CHAIN_GENESIS_HASH, chainAuditEntry, type AuditEntryContent, type ChainedAuditEntry } from '../domain/audit-chain.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { ENTITY_TYPES, keys } from './keys.ts';
import { type ItemKey } from '../../kernel/storage/table.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface AuditHead {
  readonly sequence: number;
  readonly hash: string;
}

export const GENESIS_AUDIT_HEAD: AuditHead = { sequence: 0, hash: AUDIT_CHAIN_GENESIS_HASH };

/** Reads the head stored on an aggregate item (genesis for a new aggregate). */
export function auditHeadOf(item: Record<string, unknown> | undefined): AuditHead {
  if (item?.auditHeadHash === undefined) return GENESIS_AUDIT_HEAD;
  return { sequence: Number(item.auditSequence), hash: String(item.auditHeadHash) };
}

export function auditEntryPut(tableName: string, aggregate: ItemKey, entry: ChainedAuditEntry): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.auditEntry(aggregate.PK, entry.sequence), entityType: ENTITY_TYPES.auditEntry, ...entry },
      ConditionExpression: CONDITIONS.itemMustNotExist,
    },
  };
}

/**
 * For an existing aggregate: appends the entry and advances the head only if nobody else advanced it first.
 * `extraUpdate` lets the caller change the aggregate in the same update.
 */
export function appendAuditToExistingAggregate(
  tableName: string,
  aggregate: ItemKey,
  head: AuditHead,
  content: AuditEntryContent,
  extraUpdate: { set?: string[]; values?: Record<string, unknown>; names?: Record<string, string>; condition?: string } = {},
): TransactItem[] {
  const entry = chainAuditEntry(head, content);
  const headCondition =
    head.sequence === 0 ? 'attribute_not_exists(auditHeadHash)' : 'auditHeadHash = :expectedAuditHeadHash';
  return [
    auditEntryPut(tableName, aggregate, entry),
    {
      Update: {
        TableName: tableName,
        Key: aggregate,
        UpdateExpression: `SET ${['auditHeadHash = :auditHeadHash', 'auditSequence = :auditSequence', ...(extraUpdate.set ?? [])].join(', ')}`,
        ConditionExpression: [CONDITIONS.itemMustExist, headCondition, ...(extraUpdate.condition === undefined ? [] : [`(${extraUpdate.condition})`])].join(' AND '),
        ExpressionAttributeValues: {
          ':auditHeadHash': entry.hash,
          ':auditSequence': entry.sequence,
          ...(head.sequence === 0 ? {} : { ':expectedAuditHeadHash': head.hash }),
          ...extraUpdate.values,
        },
        ...(extraUpdate.names === undefined ? {} : { ExpressionAttributeNames: extraUpdate.names }),
      },
    },
  ];
}

/** For a new aggregate written in the same transaction: the first entry and the head attributes to put on it. */
export function firstAuditEntry(
  tableName: string,
  aggregate: ItemKey,
  content: AuditEntryContent,
): { readonly put: TransactItem; readonly headAttributes: { auditHeadHash: string; auditSequence: number } } {
  const entry = chainAuditEntry(GENESIS_AUDIT_HEAD, content);
  return { put: auditEntryPut(tableName, aggregate, entry), headAttributes: { auditHeadHash: entry.hash, auditSequence: entry.sequence } };
}

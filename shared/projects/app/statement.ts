/**
 * A contractor's statement: every journal that moved its payable (approvals, transfers sent, settled, failed or
 * returned), in posting order, a page at a time, with the running totals. Only the contractor's administrator reads it.
 */
import { contractorsError } from '../../contractors/index.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { ULID_PATTERN } from '../../kernel/clock-and-ids.ts';
import type { PostedJournal } from '../../ledger/index.ts';
import type { ProjectDeps } from './project-deps.ts';
import type { ContractorAccount } from './ports.ts';

export interface ContractorStatement {
  readonly account: ContractorAccount;
  readonly journals: readonly PostedJournal[];
  /** Present when the page is full, so more journals may follow. */
  readonly nextCursor?: string;
}

export async function contractorStatement(query: { readonly principal: Principal; readonly limit: number; readonly cursor: string | undefined }, deps: Pick<ProjectDeps, 'projectStore'>): Promise<ContractorStatement> {
  const afterJournalId = query.cursor === undefined ? undefined : Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (afterJournalId !== undefined && !ULID_PATTERN.test(afterJournalId)) {
    throw kernelError('VALIDATION_FAILED', { details: [{ field: 'query.cursor', issue: 'not a cursor from this statement' }] });
  }
  const membership = await deps.projectStore.findMembership(query.principal.principalId);
  if (membership === undefined) throw contractorsError('CONTRACTOR_MEMBERSHIP_REQUIRED');
  if (membership.memberRole !== 'ADMINISTRATOR') throw contractorsError('CONTRACTOR_ADMINISTRATOR_REQUIRED');
  const [account, journals] = await Promise.all([
    deps.projectStore.findContractorAccount(membership.contractorId),
    deps.projectStore.listContractorJournals(membership.contractorId, query.limit, afterJournalId),
  ]);
  const last = journals.at(-1);
  return { account, journals, ...(journals.length === query.limit && last !== undefined ? { nextCursor: Buffer.from(last.journalId).toString('base64url') } : {}) };
}

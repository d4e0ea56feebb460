/** The only surface another context may import from audit: the hash chain and its transaction items. */
export { AUDIT_CHAIN_GENESIS_HASH, canonicalJson, chainAuditEntry, findBrokenLink, type AuditEntryContent, type ChainedAuditEntry } from './domain/audit-chain.ts';
export { appendAuditToExistingAggregate, auditEntryPut, auditHeadOf, firstAuditEntry, GENESIS_AUDIT_HEAD, type AuditHead } from './adapters/audit-items.ts';
